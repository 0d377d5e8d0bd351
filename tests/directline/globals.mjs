// DirectLineJS is written for browsers: it reaches for XMLHttpRequest and WebSocket as globals.
// Imported before botframework-directlinejs so they exist when it first looks.
import XMLHttpRequest from 'xhr2';
import WebSocket from 'ws';

globalThis.XMLHttpRequest = XMLHttpRequest;
globalThis.WebSocket = WebSocket;
