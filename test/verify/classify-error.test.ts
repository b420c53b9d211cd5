import assert from 'node:assert/strict';
import {test} from 'node:test';
import {classifyNetError} from '../../source/verify/classify-error.js';

const plain = {timedOut: false, cancelled: false};

test('DNS, refused and timeouts are told apart', () => {
	assert.deepEqual(classifyNetError({code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x.invalid'}, plain), {kind: 'dns', code: 'ENOTFOUND'});
	assert.deepEqual(classifyNetError({code: 'EAI_AGAIN'}, plain), {kind: 'dns', code: 'EAI_AGAIN'});
	assert.deepEqual(classifyNetError({code: 'ECONNREFUSED'}, plain), {kind: 'refused'});
	assert.deepEqual(classifyNetError({code: 'ETIMEDOUT'}, plain), {kind: 'timeout'});
	// Our own deadline aborts the request: node reports AbortError, the context says why.
	assert.deepEqual(classifyNetError({code: 'ABORT_ERR', name: 'AbortError'}, {timedOut: true, cancelled: false}), {kind: 'timeout'});
	assert.deepEqual(classifyNetError({code: 'ABORT_ERR', name: 'AbortError'}, {timedOut: false, cancelled: true}), {kind: 'cancelled'});
	assert.equal(classifyNetError({code: 'ECONNRESET', message: 'socket hang up'}, plain).kind, 'network');
	assert.equal(classifyNetError({code: 'EHOSTUNREACH', message: 'connect EHOSTUNREACH'}, plain).kind, 'network');
});

test('a TLS hello answered in plain HTTP is recognised (node/OpenSSL wording)', () => {
	const message =
		'write EPROTO 808C05188D7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:';
	assert.deepEqual(classifyNetError({code: 'EPROTO', message}, plain), {kind: 'plain-http'});
	assert.deepEqual(classifyNetError({code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number'}, plain), {kind: 'plain-http'});
});

test('each certificate problem is named', () => {
	for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
		const failure = classifyNetError({code, message: 'x'}, plain);
		assert.equal(failure.kind, 'tls');
		assert.match((failure as {problem: string}).problem, /not signed by an authority this machine trusts/);
	}
	assert.match((classifyNetError({code: 'CERT_HAS_EXPIRED', message: 'certificate has expired'}, plain) as {problem: string}).problem, /expired/);
	const altname = classifyNetError(
		{
			code: 'ERR_TLS_CERT_ALTNAME_INVALID',
			message: "Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: IP Address:127.0.0.1",
			reason: "Host: localhost. is not in the cert's altnames: IP Address:127.0.0.1",
		},
		plain,
	);
	assert.deepEqual(altname, {kind: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID', problem: 'the certificate is for IP Address:127.0.0.1, not this host name'});
	const handshake = classifyNetError(
		{
			code: 'EPROTO',
			message: 'C0:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../ssl/record/rec_layer_s3.c:1584:SSL alert number 40',
		},
		plain,
	);
	assert.equal(handshake.kind, 'tls');
	assert.match((handshake as {problem: string}).problem, /handshake failed \(ssl3_read_bytes\)/);
});

test('the peer certificate, when node attaches it, names what the certificate is for', () => {
	const failure = classifyNetError(
		{
			code: 'ERR_TLS_CERT_ALTNAME_INVALID',
			message: "Hostname/IP does not match certificate's altnames: Host: localhost. is not cert's CN: ip",
			cert: {subjectaltname: 'IP Address:127.0.0.1'},
		},
		plain,
	);
	assert.deepEqual(failure, {kind: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID', problem: 'the certificate is for IP Address:127.0.0.1, not this host name'});
	assert.equal(
		(classifyNetError({code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: 'x'}, plain) as {problem: string}).problem,
		'the certificate is for another host name',
	);
});

test('a server turning down the client certificate: alerts 116, 42, 48, 46, by code or by the alert number', () => {
	for (const code of [
		'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
		'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
		'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
		'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
	])
		assert.deepEqual(classifyNetError({code}, plain), {kind: 'client-cert', code});
	// node's https over TLS 1.2 reports EPROTO with OpenSSL's text.
	const eproto = 'write EPROTO 40D7:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/ssl_lib.c:1586:SSL alert number 42';
	assert.deepEqual(classifyNetError({code: 'EPROTO', message: eproto}, plain), {kind: 'client-cert', code: 'EPROTO'});
	// Alert 40 also means "no common cipher": not taken for a certificate demand.
	assert.equal(classifyNetError({code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'}, plain).kind, 'tls');
});

test('a failure at the proxy stays the proxy’s, whatever its code', () => {
	assert.deepEqual(classifyNetError({code: 'ECONNREFUSED', proxy: 'http://p:1', variable: 'HTTPS_PROXY'}, plain), {
		kind: 'proxy',
		proxy: 'http://p:1',
		variable: 'HTTPS_PROXY',
		code: 'ECONNREFUSED',
	});
	assert.deepEqual(classifyNetError({code: 'PROXY_STATUS', proxy: 'http://p:1', variable: 'https_proxy', status: 407}, plain), {
		kind: 'proxy',
		proxy: 'http://p:1',
		variable: 'https_proxy',
		code: 'PROXY_STATUS',
		status: 407,
	});
	assert.deepEqual(classifyNetError({code: 'ECONNREFUSED', proxy: 'http://p:1', variable: 'HTTPS_PROXY'}, {timedOut: true, cancelled: false}), {
		kind: 'timeout',
	});
});
