-- Rows written outside the HNSW graph: a file's run writes its rows with indexed = false (the graph insert was the
-- cost of storing, ~35 ms a row on PGlite), search reads them exactly beside the graph, and a background step sets
-- indexed = true batch by batch. Rows already here are in the graph: the column's default keeps them so (a constant
-- default, no table rewrite). The per-dimension HNSW indexes are dropped to be created again at start, partial on
-- `indexed` (VectorsRepository.ensureHnswIndex); a predicate cannot be altered in place.
ALTER TABLE "chunk_vectors" ADD COLUMN "indexed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "chunk_vectors_pending_idx" ON "chunk_vectors" USING btree ("owner_id","model","dimension") WHERE not "chunk_vectors"."indexed";--> statement-breakpoint
DO $$
DECLARE name text;
BEGIN
  FOR name IN SELECT indexname FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'chunk_vectors' AND indexname LIKE 'chunk\_vectors\_hnsw\_%'
  LOOP
    EXECUTE format('DROP INDEX %I', name);
  END LOOP;
END $$;
