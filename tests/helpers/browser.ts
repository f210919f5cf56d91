export { launchChromium } from '../support/chromium';
