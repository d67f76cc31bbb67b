CREATE TABLE custom_fields (
    module TEXT NOT NULL, api_name TEXT NOT NULL, definition TEXT NOT NULL, created_time TEXT NOT NULL,
    PRIMARY KEY (module, api_name));
