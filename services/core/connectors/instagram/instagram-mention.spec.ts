import {
  igMentionedCommentSchema,
  igMentionedMediaSchema,
  mentionedCommentField,
  mentionedMediaField,
  toCaptionMention,
  toCommentMention,
} from './instagram-wire';

// Shapes of the sample answers on developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/
// ig-user/mentioned_comment and .../mentioned_media, with the fields the connector asks for.
const commentAnswer = {
  mentioned_comment: {
    timestamp: '2017-05-03T16:09:08+0000',
    text: '@bluebottle challenge?',
    username: 'metricsaurus_fan',
    media: { id: '17920112008063024' },
    id: '17873440459141021',
  },
  id: '17841405309211844',
};
const mediaAnswer = {
  mentioned_media: {
    caption: 'metricsaurus headquarters!',
    timestamp: '2017-08-31T18:10:00+0000',
    username: 'metricsaurus',
    id: '17920112008063024',
  },
  id: '17841405309211844',
};

describe('Instagram mention reads on the wire', () => {
  it('asks for the comment or the media by id in a field expansion of the IG user node', () => {
    expect(mentionedCommentField('17873440459141021')).toBe(
      'mentioned_comment.comment_id(17873440459141021){id,text,timestamp,username,media{id}}',
    );
    expect(mentionedMediaField('17920112008063024')).toBe(
      'mentioned_media.media_id(17920112008063024){id,caption,timestamp,username}',
    );
  });

  it('puts only Graph ids into the expression: an id from a webhook cannot rewrite it', () => {
    expect(() => mentionedCommentField('1){id},mentioned_media.media_id(2')).toThrow(TypeError);
    expect(() => mentionedMediaField('')).toThrow(TypeError);
    expect(() => mentionedMediaField('12 ')).toThrow(TypeError);
  });

  it('a mention in a comment: its text, its author, its media and a UTC time', () => {
    const parsed = igMentionedCommentSchema.parse(commentAnswer);
    expect(toCommentMention(parsed, '1')).toEqual({
      id: '17873440459141021',
      in: 'comment',
      mediaId: '17920112008063024',
      text: '@bluebottle challenge?',
      authorHandle: 'metricsaurus_fan',
      createdAt: '2017-05-03T16:09:08.000Z',
    });
  });

  it('a comment without media or username keeps the webhook media id and no author', () => {
    const { media: _m, username: _u, ...bare } = commentAnswer.mentioned_comment;
    const parsed = igMentionedCommentSchema.parse({ ...commentAnswer, mentioned_comment: bare });
    expect(toCommentMention(parsed, '555')).toMatchObject({ mediaId: '555', authorHandle: null });
  });

  it('a mention in a caption: the caption is the text', () => {
    expect(toCaptionMention(igMentionedMediaSchema.parse(mediaAnswer))).toEqual({
      id: '17920112008063024',
      in: 'caption',
      mediaId: '17920112008063024',
      text: 'metricsaurus headquarters!',
      authorHandle: 'metricsaurus',
      createdAt: '2017-08-31T18:10:00.000Z',
    });
  });

  it('a media without a caption reads as empty text, not as a bad answer', () => {
    const { caption: _c, ...bare } = mediaAnswer.mentioned_media;
    const parsed = igMentionedMediaSchema.parse({ ...mediaAnswer, mentioned_media: bare });
    expect(toCaptionMention(parsed)?.text).toBe('');
  });

  it('an answer without the expanded field is "no such mention"', () => {
    expect(toCommentMention(igMentionedCommentSchema.parse({ id: '17841405309211844' }), '1')).toBeNull();
    expect(toCaptionMention(igMentionedMediaSchema.parse({ id: '17841405309211844' }))).toBeNull();
  });

  it('refuses answers of another shape: non-numeric ids, unreadable times, text that is not a string', () => {
    const c = commentAnswer.mentioned_comment;
    const bad = [
      { ...commentAnswer, mentioned_comment: { ...c, id: 'abc' } },
      { ...commentAnswer, mentioned_comment: { ...c, timestamp: 'yesterday' } },
      { ...commentAnswer, mentioned_comment: { ...c, text: 42 } },
      { ...commentAnswer, mentioned_comment: { ...c, media: { id: 'x' } } },
      { ...commentAnswer, id: 17841405309211844 },
    ];
    for (const body of bad) expect(igMentionedCommentSchema.safeParse(body).success).toBe(false);
    const m = mediaAnswer.mentioned_media;
    expect(igMentionedMediaSchema.safeParse({ ...mediaAnswer, mentioned_media: { ...m, caption: null } }).success).toBe(
      false,
    );
  });
});
