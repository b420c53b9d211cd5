// The inventory as data: what an apply records (no secret, no hash of one), what a logout
// removes, and that a hand-edited or corrupt file is reported, never trusted.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {TARGET_IDS} from '../../source/answers.js';
import {parseExpires} from '../../source/inventory/expiry.js';
import {expiryFindings} from '../../source/inventory/expiry-findings.js';
import {recordApply, recordLogout} from '../../source/inventory/record.js';
import {emptyInventory, parseInventory, serializeInventory} from '../../source/inventory/schema.js';
import {readInventory, withInventory} from '../../source/inventory/store.js';
import {TARGET_SPECS} from '../../source/targets/specs.js';
import {answersFor, envWith, HUB, planChecked, ROBOT} from '../support/plan-fixtures.js';
import {secretForms} from '../support/scan.js';

const NOW = new Date('2026-11-30T12:00:00Z');

function recorded(targets: Parameters<typeof answersFor>[0], edit?: Parameters<typeof answersFor>[2]) {
	const answers = answersFor(targets, [ROBOT, HUB], edit);
	const plan = planChecked(answers);
	return {answers, plan, inventory: recordApply(emptyInventory(), {answers, plan, mode: 'both', machine: envWith(), now: NOW})};
}

test('an apply records each login with every place it went, and no secret in any form', () => {
	const {inventory, plan} = recorded(['docker', 'podman', 'kubernetes', 'butane', 'mesos', 'rkt'], answers => {
		answers.kubernetes.namespaces = ['web', 'jobs'];
		answers.kubernetes.contexts = ['prod'];
	});
	const quay = inventory.logins.find(login => login.registry === 'quay.io')!;
	assert.equal(quay.username, ROBOT.username);
	const kinds = quay.places.map(place => place.kind);
	for (const kind of ['docker', 'podman', 'kubernetes', 'butane', 'mesos', 'rkt']) assert.ok(kinds.includes(kind as never), kind);
	assert.deepEqual(
		quay.places.filter(place => place.applied).map(place => place.applied),
		[
			{context: 'prod', namespace: 'web'},
			{context: 'prod', namespace: 'jobs'},
		],
	);
	// rkt writes one file per registry: each login lists only its own.
	assert.ok(quay.places.filter(place => place.kind === 'rkt').every(place => place.path!.endsWith('quay.io.json')));
	assert.equal(quay.answers.registry, 'quay.io');
	assert.ok(!('credentials' in quay.answers));
	const text = serializeInventory(inventory, plan.secrets);
	for (const credential of [ROBOT, HUB]) for (const form of secretForms(credential.username, credential.password)) assert.ok(!text.includes(form));
	assert.deepEqual(parseInventory(text), {state: 'ok', inventory});
});

test('an apply to any target records places the inventory then trusts (a node target’s record was once read back as corrupt)', () => {
	for (const target of TARGET_IDS.filter(id => !TARGET_SPECS[id].holdsNoSecret)) {
		const {inventory, plan} = recorded([target]);
		const places = inventory.logins.flatMap(login => login.places);
		// Only files that hold the secret are places (registries.conf holds mirrors, no credential).
		if (!plan.artifacts.some(artifact => artifact.target === target && artifact.secret)) continue;
		assert.ok(
			places.some(place => place.kind === target),
			`${target}: ${JSON.stringify(places.map(place => place.kind))}`,
		);
		assert.equal(parseInventory(serializeInventory(inventory, plan.secrets)).state, 'ok', target);
	}
});

test('serializing refuses a secret that reached the record (a bug must not reach the disk)', () => {
	const {inventory} = recorded(['docker']);
	inventory.logins[0]!.username = `x${ROBOT.password}`;
	assert.throws(() => serializeInventory(inventory, [ROBOT.password]), /would contain a secret/);
});

test('a hand-edited, corrupt or loosely permitted inventory is not trusted, and apply leaves it alone', () => {
	const {inventory, plan} = recorded(['docker']);
	const text = serializeInventory(inventory);
	const edited = text.replace(ROBOT.username, 'someone-else');
	assert.match((parseInventory(edited) as {reason: string}).reason, /changed by something other than regauth/);
	assert.match((parseInventory('{"version":1,"logins":[{') as {reason: string}).reason, /not valid JSON/);
	assert.match((parseInventory('{"version":1,"logins":[{"registry":"x"}]}') as {reason: string}).reason, /logins\[0\]\.username/);
	assert.equal(readInventory({exists: true, text, mode: 0o644}).state, 'untrusted');
	assert.equal(readInventory({exists: true, text, mode: 0o600}).state, 'ok');
	const untouched = withInventory(plan, '/state/regauth/inventory.json', {exists: true, text: edited, mode: 0o600}, current => current);
	assert.equal(untouched.artifacts.length, plan.artifacts.length);
	const findings = expiryFindings(readInventory({exists: true, text: edited, mode: 0o600}), '/state/regauth/inventory.json', NOW);
	assert.equal(findings[0]!.id, 'inventory-untrusted');
});

test('the same apply again changes nothing in the record; another user for a registry takes over its places', () => {
	const {answers, plan, inventory} = recorded(['docker']);
	assert.deepEqual(recordApply(inventory, {answers, plan, mode: 'files', machine: envWith(), now: new Date('2027-01-01T00:00:00Z')}), inventory);
	const other = answersFor(['docker'], [{...ROBOT, username: 'myorg+other'}]);
	const next = recordApply(inventory, {answers: other, plan: planChecked(other), mode: 'files', machine: envWith(), now: NOW});
	assert.deepEqual(
		next.logins.filter(login => login.registry === 'quay.io').map(login => login.username),
		['myorg+other'],
	);
	assert.deepEqual(
		recordLogout(next, ['quay.io']).logins.map(login => login.registry),
		['https://index.docker.io/v1/'],
	);
});

test('expiry: a JWT carries it, --expires sets it, doctor warns within 7 days and errs when past', () => {
	const payload = Buffer.from(JSON.stringify({exp: Math.floor(NOW.getTime() / 1000) + 3 * 86400})).toString('base64url');
	const jwt = `eyJhbGciOiJub25lIn0.${payload}.c2ln`;
	const answers = answersFor(['docker'], [{...ROBOT, password: jwt}]);
	const plan = planChecked(answers);
	const inventory = recordApply(emptyInventory(), {answers, plan, mode: 'files', machine: envWith(), now: NOW});
	assert.equal(inventory.logins[0]!.expiresAt, '2026-12-03T12:00:00.000Z');
	assert.equal(inventory.logins[0]!.expirySource, 'jwt');
	const read = parseInventory(serializeInventory(inventory, plan.secrets));
	assert.deepEqual(
		expiryFindings(read, '/s', NOW).map(finding => [finding.id, finding.level]),
		[['login-expiring', 'warning']],
	);
	assert.deepEqual(
		expiryFindings(read, '/s', new Date('2026-12-04T00:00:00Z')).map(finding => finding.id),
		['login-expired'],
	);
	assert.deepEqual(expiryFindings(read, '/s', new Date('2026-11-01T00:00:00Z')), []);
	const flagged = recordApply(emptyInventory(), {answers, plan, mode: 'files', machine: envWith(), now: NOW, expires: parseExpires('90d', NOW)!});
	assert.equal(flagged.logins[0]!.expiresAt, '2027-02-28T12:00:00.000Z');
	assert.equal(parseExpires('2027-01-31', NOW)?.toISOString(), '2027-01-31T00:00:00.000Z');
	assert.equal(parseExpires('soon', NOW), undefined);
	assert.equal(parseExpires('12x', NOW), undefined);
});
