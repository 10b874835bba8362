/**
 * The preview page: synthetic shadow first (Lightning Experience renders components with it), then the
 * preview shell, which mounts the component and state named in the page's query string.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PreviewApp from 'preview/app';

document.body.appendChild(createElement('preview-app', { is: PreviewApp }));
