// docker-credential-regauth: placeholder until the keychain issue lands.
process.stdout.write('docker-credential-regauth: not implemented yet\n');
process.exitCode = 1;
