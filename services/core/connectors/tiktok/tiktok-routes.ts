/** The Content Posting, Display and OAuth routes of one API version (the version is pinned in tiktok.platform.ts). */
export interface TikTokRoutes {
  userInfo: string;
  creatorInfo: string;
  videoInit: string;
  inboxInit: string;
  status: string;
  videoList: string;
  videoQuery: string;
  token: string;
  /** on www.tiktok.com, not on the API host */
  authorize: string;
}

export function tiktokRoutes(version: string): TikTokRoutes {
  const v = `/${version}`;
  return {
    userInfo: `${v}/user/info/`,
    creatorInfo: `${v}/post/publish/creator_info/query/`,
    videoInit: `${v}/post/publish/video/init/`,
    inboxInit: `${v}/post/publish/inbox/video/init/`,
    status: `${v}/post/publish/status/fetch/`,
    videoList: `${v}/video/list/`,
    videoQuery: `${v}/video/query/`,
    token: `${v}/oauth/token/`,
    authorize: `${v}/auth/authorize/`,
  };
}
