export default { test: { include: ['atlas.spec.js'] } };
