-- The embedded H2 store has one user (V4): there is no role to grant the household table (V5) to.
SELECT 1;
