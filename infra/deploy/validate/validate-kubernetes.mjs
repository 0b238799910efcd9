// Validates Kubernetes manifests, as `kubectl kustomize` renders them, on standard input against the Kubernetes
// OpenAPI schemas (the kubernetes-models package, generated from them): every object must be of a kind the schemas
// know, with its required fields and its fields' types. Prints one line per object; exits 1 if any is invalid.
// Used by DeploymentManifestsTest; by hand: kubectl kustomize ../kubernetes/overlays/production | node validate-kubernetes.mjs
import { parseAllDocuments } from 'yaml';

const input = await new Promise((resolve, reject) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
  process.stdin.on('error', reject);
});

let invalid = 0;
const objects = parseAllDocuments(input).map((document) => document.toJS()).filter((object) => object);
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  try {
    // apiVersion "apps/v1" is the module kubernetes-models/apps/v1; the core group's "v1" is kubernetes-models/v1.
    const models = await import(`kubernetes-models/${object.apiVersion}`);
    const Model = models[object.kind];
    if (!Model) {
      throw new Error(`no kind ${object.kind} in ${object.apiVersion}`);
    }
    new Model(object).validate();
    console.log(`valid ${name}`);
  } catch (problem) {
    invalid++;
    console.log(`invalid ${name}: ${problem.message}`);
  }
}
if (objects.length === 0) {
  console.log('invalid: no objects on standard input');
  invalid++;
}
process.exit(invalid === 0 ? 0 : 1);
