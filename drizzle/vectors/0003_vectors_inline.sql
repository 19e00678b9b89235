-- Keep embeddings in the row instead of the TOAST table (pgvector's type defaults to EXTERNAL storage, and a
-- 384-d row of ~2.1 KB crossed the 2 KB threshold, so every vector was read through the TOAST index): an exact
-- scan of an owner's rows was 2-10x slower for it. MAIN keeps the vector inline (the text is compressed first), and
-- a higher toast_tuple_target keeps rows of up to ~8 KB (vectors of up to ~1,900 dimensions) whole. Rows written
-- before keep their layout until rewritten (a regeneration).
ALTER TABLE "chunk_vectors" ALTER COLUMN "embedding" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "chunk_vectors" SET (toast_tuple_target = 8160);
