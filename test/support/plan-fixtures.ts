// Answers and environments for target tests, and the check every plan must pass: no secret in
// any view a person or a log can see.
import assert from 'node:assert/strict';
import {type Answers, type Credential, defaultAnswers, type TargetId} from '../../source/answers.js';
import {planJson, planText} from '../../source/cli/plan-view.js';
import {type Environment, emptyEnvironment} from '../../source/environment.js';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {plan} from '../../source/plan.js';
import type {Plan} from '../../source/plan-types.js';

export const ROBOT: Credential = {registry: 'quay.io', username: 'myorg+robot', password: 'TOKEN-4QX9-s3cret', email: ''};
export const HUB: Credential = {registry: 'docker.io', username: 'alice', password: 'hub-Pa55word!', email: ''};

export function answersFor(targets: TargetId[], credentials: Credential[] = [ROBOT], edit: (answers: Answers) => void = () => {}): Answers {
	const answers = defaultAnswers();
	answers.targets = targets;
	answers.credentials = credentials.map(credential => ({...credential}));
	answers.outputDir = '/work/out';
	edit(answers);
	return answers;
}

export function envWith(overrides: Partial<Environment> = {}): Environment {
	return emptyEnvironment({cwd: '/work', home: '/home/user', ...overrides});
}

/** Plan, and fail if any redacted view (artifacts, commands, notes, dry-run text, JSON) leaks a secret. */
export function planChecked(answers: Answers, env: Environment = envWith()): Plan {
	const result = plan(answers, env);
	const secrets = answers.credentials.flatMap(credential => [credential.password, encodeAuth(credential.username, credential.password)]);
	const views = [
		planText(result, {contents: true}),
		JSON.stringify(planJson(result)),
		...result.artifacts.map(artifact => artifact.redacted),
		...result.commands.map(command => command.display),
		...result.notes.map(note => note.message),
	];
	for (const view of views) for (const secret of secrets) assert.ok(!view.includes(secret), `a redacted view shows a secret:\n${view}`);
	return result;
}

export function artifact(result: Plan, id: string) {
	const found = result.artifacts.find(candidate => candidate.id === id);
	assert.ok(found, `no artifact ${id}; have ${result.artifacts.map(a => a.id).join(', ')}`);
	return found;
}
