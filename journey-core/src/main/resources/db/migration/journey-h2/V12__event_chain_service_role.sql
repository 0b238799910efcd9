-- The embedded H2 store has one user (V4): there is no role to grant the event chain's tables (V11) to.
SELECT 1;
