import { Module } from '@nestjs/common';
import { FileCoreModule } from '../files/file-core.module.js';
import { QuotaLedger } from './quota-ledger.js';
import { QuotaRepository } from './quota.repository.js';
import { QuotaService } from './quota.service.js';

/** Per-user limits and usage, for every feature that admits a user's uploads or jobs (no routes: QuotaApiModule). */
@Module({
  imports: [FileCoreModule],
  providers: [QuotaRepository, QuotaLedger, QuotaService],
  exports: [QuotaService],
})
export class QuotaModule {}
