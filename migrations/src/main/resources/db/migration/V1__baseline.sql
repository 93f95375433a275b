-- Baseline of the Dream Diary schema. Every feature adds its tables in a later version;
-- this one only records that the schema is owned by Flyway from the start.
COMMENT ON SCHEMA public IS NULL;
