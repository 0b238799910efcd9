// Run once by the read-models-init service: forms the replica set, then creates the query API's user, with
// readWrite on its own database only. Safe to run again.
const members = ['read-models-1', 'read-models-2', 'read-models-3'];
try {
  rs.status();
} catch (notYet) {
  rs.initiate({ _id: 'rs0', members: members.map((host, i) => ({ _id: i, host: host + ':27017' })) });
}
while (!db.hello().isWritablePrimary) {
  sleep(1000);
}
const database = process.env.READ_MODELS_DATABASE;
const password = fs.readFileSync('/run/secrets/read_models_app_password', 'utf8').trim();
const target = db.getSiblingDB(database);
if (target.getUser('journey_query') === null) {
  target.createUser({ user: 'journey_query', pwd: password, roles: [{ role: 'readWrite', db: database }] });
}
