CREATE TABLE "chunk_vector_writes" (
	"generation" text PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chunk_vectors" ADD COLUMN "generation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "chunk_vectors" DROP CONSTRAINT "chunk_vectors_pkey";--> statement-breakpoint
ALTER TABLE "chunk_vectors" ADD CONSTRAINT "chunk_vectors_chunk_id_generation_pk" PRIMARY KEY("chunk_id","generation");--> statement-breakpoint
CREATE INDEX "chunk_vector_writes_file_idx" ON "chunk_vector_writes" USING btree ("file_id");
