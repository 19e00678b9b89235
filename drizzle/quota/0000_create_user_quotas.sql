CREATE TABLE "user_quotas" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"max_active_jobs" integer,
	"max_storage_bytes" bigint,
	"max_files" integer,
	"max_uploads_per_hour" integer,
	"allow_high_priority" boolean,
	"weight" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
