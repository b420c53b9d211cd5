import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {parseInvocation} from '../../source/cli/args.js';
import {planJson} from '../../source/cli/plan-view.js';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {plan} from '../../source/plan.js';
import {checkProfile} from '../../source/profile/load-profile.js';
import {profileFlags} from '../../source/profile/profile-args.js';
import {answersToProfile, profileYaml} from '../../source/profile/save-profile.js';
import {SCHEMA_FILE, schemaText, teamProfileSchema} from '../../source/profile/team-schema.js';
import {envWith} from '../support/plan-fixtures.js';

test('the committed JSON Schema is what the declarations generate (node --import tsx scripts/profile-schema.mjs)', () => {
	assert.equal(readFileSync(new URL(`../../${SCHEMA_FILE}`, import.meta.url), 'utf8'), schemaText());
});

test('each target option is a profile key named as its flag; a list also under its plural', async () => {
	const schema = teamProfileSchema();
	const result = await checkProfile(
		`registries: [{host: r.example}]
targets: [kubernetes, butane, mesos, rkt]
kubernetes: {namespace: [a], secret-name: pull, secret-type: dockercfg, service-account: builder, image: r.example/app:1}
butane: {butane-version: 1.1.0, butane-remote-url: "https://cfg.example/config.json", butane-rkt: true}
mesos: {marathon-uri: "https://files.example/docker.tar.gz", marathon-app-id: /team/app}
rkt: {rkt-kind: auth}
`,
		schema,
	);
	assert.ok(result.ok, JSON.stringify(result));
	const bad = await checkProfile('registries: [{host: r.example}]\nkubernetes:\n  secret-type: opaque\n  namespaces: [web]\n  apply: both\n', schema);
	assert.ok(!bad.ok);
	assert.deepEqual(bad.problems, [
		'line 3: kubernetes.secret-type is "opaque": use one of dockerconfigjson, dockercfg',
		'line 5: unknown field "apply" in kubernetes: remove it or check its spelling (see the schema for the fields kubernetes takes)',
	]);
	// A keychain store is a program regauth runs: only the known ones.
	const store = await checkProfile('registries: [{host: r.example}]\nkeychain: {policy: required, stores: [evil]}\n', schema);
	assert.ok(!store.ok);
	assert.match(store.problems[0]!, /^line 2: keychain\.stores\[0\] is "evil": use one of regauth, secretservice, pass, osxkeychain/);
});

test('a saved profile holds no secret or personal value, and re-runs to the same plan', async () => {
	const answers = defaultAnswers();
	answers.credentials = [
		{registry: 'registry.team.example', username: 'alice', password: 'team-S3cret-token', email: 'alice@team.example'},
		{registry: 'ghcr.io', username: 'alice-gh', password: 'ghp_0123456789abcdef', email: ''},
	];
	answers.targets = ['docker', 'kubernetes'];
	answers.keychain = {kind: 'regauth'};
	answers.kubernetes = {...answers.kubernetes, namespaces: ['web', 'jobs'], secretName: 'team-pull', contexts: ['alice-laptop']};
	answers.outputDir = 'deploy/regauth';
	const env = envWith({cwd: '/work/repo/services'});

	const saved = profileYaml(answersToProfile(answers, {dir: '/work/repo', cwd: '/work/repo/services', verify: 'strict'}));
	for (const personal of ['team-S3cret-token', 'ghp_0123456789abcdef', 'alice', 'alice@team.example', 'alice-laptop', encodeAuth('alice', 'team-S3cret-token')])
		assert.ok(!saved.includes(personal), `the saved profile holds ${personal}:\n${saved}`);
	const checked = await checkProfile(saved, teamProfileSchema());
	assert.ok(checked.ok, JSON.stringify(checked));
	assert.deepEqual(checked.profile, {
		registries: [{host: 'registry.team.example'}, {host: 'ghcr.io'}],
		targets: ['docker', 'kubernetes'],
		kubernetes: {namespaces: ['web', 'jobs'], 'secret-name': 'team-pull'},
		keychain: {policy: 'preferred', stores: ['regauth']},
		verify: 'strict',
		'output-dir': 'services/deploy/regauth',
	});

	// The next developer: the profile's flags, then their own user names and kubectl context.
	const flags = profileFlags(checked.profile, '/work/repo').map(flag => flag.arg);
	const rerun = parseInvocation([...flags, '-u', 'alice', '-u', 'alice-gh', '--email', 'alice@team.example', '--email', '', '--context', 'alice-laptop']);
	rerun.answers.credentials.forEach((credential, index) => {
		credential.password = answers.credentials[index]!.password;
	});
	assert.equal(rerun.verify.mode, 'strict');
	const {headless: rerunCommand, ...rerunPlan} = planJson(plan(rerun.answers, env));
	const {headless: originalCommand, ...originalPlan} = planJson(plan(answers, env));
	assert.deepEqual(rerunPlan, originalPlan);
	// The same command, with the output directory as the profile resolves it (from the repository root).
	assert.equal(rerunCommand, originalCommand.replace('--output-dir deploy/regauth', '--output-dir /work/repo/services/deploy/regauth'));
});
