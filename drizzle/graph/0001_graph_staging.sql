CREATE TABLE "graph_stage_entities" (
	"run_id" uuid NOT NULL,
	"chunk_id" uuid NOT NULL,
	"normalized_name" text NOT NULL,
	"type" text NOT NULL,
	"surface" text NOT NULL,
	"count" integer NOT NULL,
	"first_seq" integer NOT NULL,
	"description" text,
	"description_seq" integer
);
--> statement-breakpoint
CREATE TABLE "graph_stage_names" (
	"run_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"surface" text NOT NULL,
	"first_seq" integer NOT NULL,
	"description" text,
	"canonical" text NOT NULL,
	"key_type" text NOT NULL,
	CONSTRAINT "graph_stage_names_run_id_name_pk" PRIMARY KEY("run_id","name")
);
--> statement-breakpoint
CREATE TABLE "graph_stage_relations" (
	"run_id" uuid NOT NULL,
	"chunk_id" uuid NOT NULL,
	"source" text NOT NULL,
	"target" text NOT NULL,
	"relation" text NOT NULL,
	"weight" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graph_stage_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "graph_stage_entities" ADD CONSTRAINT "graph_stage_entities_run_id_graph_stage_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."graph_stage_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_stage_names" ADD CONSTRAINT "graph_stage_names_run_id_graph_stage_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."graph_stage_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_stage_relations" ADD CONSTRAINT "graph_stage_relations_run_id_graph_stage_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."graph_stage_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "graph_stage_entities_run_idx" ON "graph_stage_entities" USING btree ("run_id","normalized_name");--> statement-breakpoint
CREATE INDEX "graph_stage_names_canonical_idx" ON "graph_stage_names" USING btree ("run_id","canonical","key_type");--> statement-breakpoint
CREATE INDEX "graph_stage_relations_run_idx" ON "graph_stage_relations" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "graph_stage_runs_file_idx" ON "graph_stage_runs" USING btree ("file_id");