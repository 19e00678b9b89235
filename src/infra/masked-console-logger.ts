import { ConsoleLogger } from '@nestjs/common';
import { maskCredentials } from '../common/text/mask-credentials.js';

/**
 * Nest's console logger with credentials masked: it prints what is logged before pino takes over (while a process
 * waits for Redis or its embedded database at start).
 */
export class MaskedConsoleLogger extends ConsoleLogger {
  protected override formatMessage(...args: Parameters<ConsoleLogger['formatMessage']>): string {
    return maskCredentials(super.formatMessage(...args));
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(maskCredentials(stack));
  }
}
