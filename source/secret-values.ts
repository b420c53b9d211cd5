// Every form in which the user's secrets could show up in text: the raw password, its JSON
// escape and the base64 `auth` value. Output from child processes is scrubbed of these.
import type {Answers} from './answers.js';
import {encodeAuth} from './formats/docker-auth.js';

export function secretValues(answers: Answers): string[] {
	return answers.credentials.flatMap(credential =>
		credential.password === ''
			? []
			: [credential.password, JSON.stringify(credential.password).slice(1, -1), encodeAuth(credential.username, credential.password)],
	);
}
