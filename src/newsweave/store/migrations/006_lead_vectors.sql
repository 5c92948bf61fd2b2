-- The pair scorer's second view (`link.linker.lead_vector`): the vector of an article's lead,
-- float16[n], and the model that embedded it; NULL until a pair near the same-story line needed
-- it. Stored so that an article met again later, or after a restart, is not embedded again.
ALTER TABLE embeddings ADD COLUMN lead_model TEXT;
ALTER TABLE embeddings ADD COLUMN lead_vector BLOB;
