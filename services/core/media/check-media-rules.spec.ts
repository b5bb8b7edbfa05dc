import type { MediaRules } from '../connectors/connector.types';
import { mediaRuleProblems } from './check-media-rules';

const rules: MediaRules = {
  maxTextLength: 10,
  requiresMedia: true,
  maxMediaCount: 2,
  mixedMedia: false,
  image: { contentTypes: ['image/jpeg'], maxBytes: 1024, minAspectRatio: 0.8, maxAspectRatio: 1.91 },
  video: { contentTypes: ['video/mp4'], maxBytes: 4096, minDurationSeconds: 3, maxDurationSeconds: 60 },
};
const jpeg = { contentType: 'image/jpeg', size: 100, width: 1080, height: 1080 };

describe('mediaRuleProblems', () => {
  it('passes a post that fits', () => {
    expect(mediaRuleProblems('P', rules, { text: 'hello', media: [jpeg] })).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(mediaRuleProblems('P', rules, { text: '😀'.repeat(10), media: [jpeg] })).toEqual([]);
    expect(mediaRuleProblems('P', rules, { text: '😀'.repeat(11), media: [jpeg] })[0]).toMatch(/10 characters/);
  });

  it("counts text the platform's way when it says how (X weighs a link as 23)", () => {
    const weighted = {
      ...rules,
      maxTextLength: 30,
      textLength: (t: string) => t.replace(/https?:\/\/\S+/g, 'x'.repeat(23)).length,
    };
    const link = `see https://example.com/${'a'.repeat(80)}`;
    expect(mediaRuleProblems('P', weighted, { text: link, media: [jpeg] })).toEqual([]);
    expect(mediaRuleProblems('P', weighted, { text: `${link} and more words`, media: [jpeg] })[0]).toMatch(
      /30 characters; this post has 42/,
    );
  });

  it('names each broken rule', () => {
    const problems = mediaRuleProblems('P', rules, {
      text: 'ok',
      media: [
        { contentType: 'image/png', size: 5 * 1024 * 1024, width: 100, height: 300 },
        { contentType: 'video/mp4', size: 100, width: 100, height: 100, durationSeconds: 61 },
        jpeg,
      ],
    });
    expect(problems.join('\n')).toMatch(/at most 2 media/);
    expect(problems.join('\n')).toMatch(/does not mix/);
    expect(problems.join('\n')).toMatch(/takes image\/jpeg; file 1/);
    expect(problems.join('\n')).toMatch(/file 1 \(image\/png\) is 5\.0 MB; P takes at most 0\.0 MB/);
    expect(problems.join('\n')).toMatch(/100×300; P needs at least/);
    expect(problems.join('\n')).toMatch(/file 2 .* runs 61 s; P allows 60 s/);
  });

  it('requires media where the platform does, and refuses unknown kinds', () => {
    expect(mediaRuleProblems('P', rules, { text: 'x', media: [] })).toEqual(['P posts need an image or a video']);
    expect(mediaRuleProblems('P', rules, { text: 'x', media: [{ contentType: 'text/plain', size: 1 }] })).toEqual([
      'P does not take text/plain files',
    ]);
  });

  it('treats an unreadable shape or length as a problem when the platform limits it', () => {
    const problems = mediaRuleProblems('P', rules, { text: 'x', media: [{ contentType: 'video/mp4', size: 10 }] });
    expect(problems).toEqual(['the length of the video (video/mp4) could not be read']);
    const image = mediaRuleProblems('P', rules, { text: 'x', media: [{ contentType: 'image/jpeg', size: 10 }] });
    expect(image[0]).toMatch(/size of the image .* could not be read/);
  });
});
