// Permission bits as people write them (0600), for messages and views.

export function octal(mode: number): string {
	return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}
