// Plays the channel side of a reply: hands the bot's bearer token (read from stdin) to the
// official botbuilder-js CloudChannelServiceHandler, configured through the same setting names
// as the bot, and prints one JSON line saying whether the handler accepted it.
'use strict';

const { ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { CloudChannelServiceHandler } = require('botbuilder/lib/cloudChannelServiceHandler');

class RecordingHandler extends CloudChannelServiceHandler {
    async onReplyToActivity(claimsIdentity, conversationId, activityId, activity) {
        this.claims = claimsIdentity.claims;
        return { id: 'reply-1' };
    }
}

async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin) {
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8').trim();
}

async function main() {
    const token = await readStdin();
    const auth = new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: process.env.MicrosoftAppId,
        // The channel side only validates; the password is never used.
        MicrosoftAppPassword: 'not-used-by-validation',
        ToBotFromChannelOpenIdMetadataUrl: process.env.ToBotFromChannelOpenIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: process.env.ToBotFromEmulatorOpenIdMetadataUrl,
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        ToChannelFromBotLoginUrl: process.env.ToBotFromChannelOpenIdMetadataUrl,
    });
    const handler = new RecordingHandler(auth);
    const activity = { type: 'message', text: 'reply from the bot', conversation: { id: 'conv-1' } };
    try {
        const response = await handler.handleReplyToActivity(`Bearer ${token}`, 'conv-1', 'activity-1', activity);
        const appid = handler.claims.find((claim) => claim.type === 'appid' || claim.type === 'azp');
        console.log(JSON.stringify({ status: 200, id: response.id, appId: appid ? appid.value : null }));
    } catch (error) {
        console.log(JSON.stringify({ status: error.statusCode || 500, message: String(error.message || error) }));
    }
}

main().catch((error) => {
    console.error(error);
    process.exit(2);
});
