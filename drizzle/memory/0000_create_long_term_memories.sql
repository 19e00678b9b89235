CREATE TABLE "long_term_memories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"agent_id" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb,
	"content" text NOT NULL,
	"content_sha256" text NOT NULL,
	"model" text NOT NULL,
	"dimension" integer NOT NULL,
	"embedding" vector NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "long_term_memories_address_key" ON "long_term_memories" USING btree ("user_id","agent_id","key");--> statement-breakpoint
CREATE INDEX "long_term_memories_user_model_idx" ON "long_term_memories" USING btree ("user_id","model","dimension");