import type { Test } from 'supertest';

/** Reads a whole Server-Sent Events response (until the server ends it): each event's type and parsed data. */
export async function readServerSentEvents<T>(req: Test): Promise<{ contentType: string; events: Array<{ type: string; data: T }> }> {
  const res = await req
    .buffer(true)
    .parse((response, callback) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => callback(null, text));
    })
    .expect(200);
  const events = (res.body as string)
    .split('\n\n')
    .filter((block) => block.includes('data: '))
    .map((block) => {
      const lines = block.split('\n');
      const type = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = JSON.parse(lines.find((line) => line.startsWith('data: '))!.slice(6)) as T;
      return { type, data };
    });
  return { contentType: String(res.headers['content-type']), events };
}
