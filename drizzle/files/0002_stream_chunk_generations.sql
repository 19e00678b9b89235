DROP INDEX "file_chunks_file_index_key";--> statement-breakpoint
ALTER TABLE "file_chunks" ADD COLUMN "generation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "chunk_generation" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "file_chunks_file_generation_index_key" ON "file_chunks" USING btree ("file_id","generation","chunk_index");