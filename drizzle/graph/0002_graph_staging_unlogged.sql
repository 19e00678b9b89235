ALTER TABLE "graph_stage_runs" ADD COLUMN "staged_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Staged findings live minutes and are read once: unlogged, they write no WAL (the embedded database in memory kept
-- every WAL segment in the process). A server crash empties them; the merge compares their count with staged_rows.
ALTER TABLE "graph_stage_entities" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "graph_stage_relations" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "graph_stage_names" SET UNLOGGED;
