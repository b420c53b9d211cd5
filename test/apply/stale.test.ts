// The merge target is re-read at apply time: if it changed since the plan was made, apply
// refuses (StaleError) and the caller plans again, instead of overwriting the new content.

import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {apply, RefusedError, StaleError} from '../../source/apply/apply.js';
import {plan, plannedReads} from '../../source/plan.js';
import {probeEnvironment} from '../../source/probe.js';
import {tempDir} from '../support/temp.js';

async function setup(initial: string) {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const config = join(home, '.docker', 'config.json');
	writeFileSync(config, initial, {mode: 0o600});
	const answers = {...defaultAnswers(), credentials: [{registry: 'quay.io', username: 'u', password: 'p4ssw0rd', email: ''}]};
	const env0 = await probeEnvironment({HOME: home, PATH: ''}, {cwd: dir});
	const env = await probeEnvironment({HOME: home, PATH: ''}, {cwd: dir, reads: plannedReads(answers, env0)});
	return {dir, config, answers, env, stateDir: join(dir, 'state')};
}

test('a file changed after the plan is not overwritten; a new plan from the new content applies', async () => {
	const {config, answers, env, stateDir} = await setup('{"auths": {}}');
	const planned = plan(answers, env);
	const concurrent = '{"auths": {"ghcr.io": {"auth": "eDp5"}}}';
	writeFileSync(config, concurrent);
	await assert.rejects(apply(planned, {mode: 'files', stateDir, secrets: []}), (error: unknown) => error instanceof StaleError && error.paths.includes(config));
	assert.equal(readFileSync(config, 'utf8'), concurrent);

	const fresh = await probeEnvironment({HOME: env.home, PATH: ''}, {cwd: env.cwd, reads: [config]});
	const result = await apply(plan(answers, fresh), {mode: 'files', stateDir, secrets: []});
	assert.equal(result.ok, true);
	const merged = JSON.parse(readFileSync(config, 'utf8'));
	assert.deepEqual(Object.keys(merged.auths), ['ghcr.io', 'quay.io']);
});

test('apply refuses a plan with field issues or a blocked artifact before touching anything', async () => {
	const {config, answers, env, stateDir} = await setup('{"auths": ');
	await assert.rejects(apply(plan(answers, env), {mode: 'files', stateDir, secrets: []}), RefusedError);
	assert.equal(readFileSync(config, 'utf8'), '{"auths": ');
	const invalid = {...answers, credentials: [{...answers.credentials[0]!, username: ''}]};
	await assert.rejects(apply(plan(invalid, env), {mode: 'files', stateDir, secrets: []}), /Username is required/);
});
