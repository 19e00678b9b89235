import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { QuotaController } from './quota.controller.js';
import { QuotaModule } from './quota.module.js';
import { UserQuotaController } from './user-quota.controller.js';

/** The quota routes (API only: a worker needs QuotaModule but neither the routes nor the auth module). */
@Module({
  imports: [QuotaModule, AuthModule],
  controllers: [QuotaController, UserQuotaController],
})
export class QuotaApiModule {}
