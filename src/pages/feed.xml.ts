import type { APIRoute } from 'astro';
import { loadSite, siteConfig } from '../data/site';
import { noticeFeed } from '../data/feed';

export const GET: APIRoute = async () =>
  noticeFeed(`${siteConfig.name} 最新公开信息`, (await loadSite()).notices);
