CREATE TABLE "chunk_vectors" (
	"chunk_id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"model" text NOT NULL,
	"dimension" integer NOT NULL,
	"embedding" vector NOT NULL,
	"chunk_index" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "embedding_cache" (
	"model" text NOT NULL,
	"dimension" integer NOT NULL,
	"text_sha256" text NOT NULL,
	"embedding" vector NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embedding_cache_model_dimension_text_sha256_pk" PRIMARY KEY("model","dimension","text_sha256")
);
--> statement-breakpoint
CREATE INDEX "chunk_vectors_file_idx" ON "chunk_vectors" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "chunk_vectors_owner_model_idx" ON "chunk_vectors" USING btree ("owner_id","model","dimension");