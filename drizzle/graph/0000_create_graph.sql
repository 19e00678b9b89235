CREATE TABLE "graph_entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"normalized_name" text NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"mention_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graph_llm_cache" (
	"model" text NOT NULL,
	"prompt_version" text NOT NULL,
	"chunk_sha256" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "graph_llm_cache_model_prompt_version_chunk_sha256_pk" PRIMARY KEY("model","prompt_version","chunk_sha256")
);
--> statement-breakpoint
CREATE TABLE "graph_mentions" (
	"entity_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"chunk_id" uuid NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "graph_mentions_entity_id_file_id_chunk_id_pk" PRIMARY KEY("entity_id","file_id","chunk_id")
);
--> statement-breakpoint
CREATE TABLE "graph_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"type" text NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"file_id" uuid NOT NULL,
	"chunk_ids" uuid[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "graph_mentions" ADD CONSTRAINT "graph_mentions_entity_id_graph_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."graph_entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_relations" ADD CONSTRAINT "graph_relations_source_id_graph_entities_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."graph_entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_relations" ADD CONSTRAINT "graph_relations_target_id_graph_entities_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."graph_entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "graph_entities_owner_name_type_key" ON "graph_entities" USING btree ("owner_id","normalized_name","type");--> statement-breakpoint
CREATE INDEX "graph_entities_owner_mentions_idx" ON "graph_entities" USING btree ("owner_id","mention_count");--> statement-breakpoint
CREATE INDEX "graph_mentions_file_idx" ON "graph_mentions" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "graph_relations_file_edge_key" ON "graph_relations" USING btree ("file_id","source_id","target_id","type");--> statement-breakpoint
CREATE INDEX "graph_relations_source_idx" ON "graph_relations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "graph_relations_target_idx" ON "graph_relations" USING btree ("target_id");