-- The embedded H2 store has one user (V4): there is no role to grant the features tables (V8) to.
SELECT 1;
