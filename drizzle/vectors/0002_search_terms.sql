CREATE TABLE "chunk_search_terms" (
	"chunk_id" uuid NOT NULL,
	"generation" text DEFAULT '' NOT NULL,
	"file_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"terms" "tsvector" NOT NULL,
	CONSTRAINT "chunk_search_terms_chunk_id_generation_pk" PRIMARY KEY("chunk_id","generation")
);
--> statement-breakpoint
CREATE INDEX "chunk_search_terms_file_idx" ON "chunk_search_terms" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "chunk_search_terms_terms_idx" ON "chunk_search_terms" USING gin ("terms");