DROP INDEX "files_owner_sha256_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "files_owner_sha256_key" ON "files" USING btree ("owner_id","sha256");