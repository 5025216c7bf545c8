-- Resources by context (GET /resources/:resource_type/context?key=&value=): key existence (?) and
-- key=value containment (@>) are both served by the default jsonb GIN operator class.
CREATE INDEX resource_listing_context ON resource_listing USING gin (context);
