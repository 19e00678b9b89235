import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const ITERATIONS = 4096;

/** One connection's exchange in progress: what the proof is checked against. */
export interface ScramExchange {
  nonce: string;
  clientFirstBare: string;
  serverFirst: string;
}

/**
 * The server side of SCRAM-SHA-256 (RFC 5802 / 7677, as PostgreSQL does it, without channel binding): the client
 * proves it knows the password without sending it, and the server proves it knows it too.
 */
export class ScramSha256Server {
  private readonly salt = randomBytes(16);
  private readonly storedKey: Buffer;
  private readonly serverKey: Buffer;

  constructor(password: string) {
    const saltedPassword = pbkdf2Sync(password.normalize('NFKC'), this.salt, ITERATIONS, 32, 'sha256');
    this.storedKey = sha256(hmac(saltedPassword, 'Client Key'));
    this.serverKey = hmac(saltedPassword, 'Server Key');
  }

  /** Answers the client-first message ("n,,n=…,r=<client nonce>"); undefined if it is malformed. */
  begin(clientFirst: string): ScramExchange | undefined {
    const clientFirstBare = clientFirst.startsWith('n,,') ? clientFirst.slice(3) : undefined;
    const clientNonce = clientFirstBare && attribute(clientFirstBare, 'r');
    if (!clientFirstBare || !clientNonce) return undefined;
    const nonce = clientNonce + randomBytes(18).toString('base64');
    return { nonce, clientFirstBare, serverFirst: `r=${nonce},s=${this.salt.toString('base64')},i=${ITERATIONS}` };
  }

  /** Checks the client-final message ("c=biws,r=…,p=<proof>"); the server-final message if the proof holds. */
  finish(exchange: ScramExchange, clientFinal: string): string | undefined {
    const proofAt = clientFinal.lastIndexOf(',p=');
    if (proofAt < 0 || attribute(clientFinal, 'r') !== exchange.nonce) return undefined;
    const authMessage = `${exchange.clientFirstBare},${exchange.serverFirst},${clientFinal.slice(0, proofAt)}`;
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), 'base64');
    const signature = hmac(this.storedKey, authMessage);
    if (proof.length !== signature.length) return undefined;
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]));
    if (!timingSafeEqual(sha256(clientKey), this.storedKey)) return undefined;
    return `v=${hmac(this.serverKey, authMessage).toString('base64')}`;
  }
}

function attribute(message: string, name: string): string | undefined {
  return message
    .split(',')
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

function hmac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
