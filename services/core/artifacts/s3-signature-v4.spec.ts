import { presignS3Get, signS3Request, sha256Hex } from './s3-signature-v4';

// The worked examples of the AWS documentation, so the signer is checked against the reference and not only
// against MinIO's reading of it:
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (GET Object example)
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (presigned URL example)
const creds = {
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};
const now = new Date('2013-05-24T00:00:00Z');

describe('S3 signature version 4', () => {
  it('signs the documented GET Object example', () => {
    const headers = signS3Request({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: sha256Hex(''),
      creds,
      now,
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('presigns the documented example with the expiry it is given', () => {
    const url = presignS3Get({
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      expiresSeconds: 86400,
      creds,
      now,
    });
    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('refuses an expiry outside 1 s to 7 days rather than falling back to a default', () => {
    for (const expiresSeconds of [0, -1, 1.5, 7 * 24 * 3600 + 1])
      expect(() => presignS3Get({ url: new URL('http://h/b/k'), expiresSeconds, creds })).toThrow(RangeError);
  });
});
