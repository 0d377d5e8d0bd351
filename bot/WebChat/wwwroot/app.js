// The ChatReport Web Chat page: pick who you are and where to talk, then the official Web Chat
// takes over, talking Direct Line 3.0 to this same host. The Direct Line secret stays on the
// server: the page gets a token for one conversation from POST /webchat/token.
(function () {
  'use strict';

  var TEXT = {
    'zh-CN': {
      title: 'ChatReport · 党员积分',
      whoAreYou: '你是谁？',
      displayName: '显示名称',
      displayNameHint: '例如：王芳',
      userId: '用户 ID',
      userIdHint: '用来认出你：同一个 ID 在任何设备上都是同一个人。',
      conversation: '对话',
      private: '与机器人私聊',
      group: '加入群组',
      groupHint: '群组名称，例如：一支部',
      enter: '进入对话',
      note: '本页面不核验身份，仅供本机或可信网络使用。',
      switchIdentity: '切换身份',
      otherLanguage: 'English',
      privateChat: '私聊',
      groupChat: '群组',
      needName: '请填写显示名称。',
      needUserId: '请填写用户 ID（不能有空格）。',
      needGroup: '请填写群组名称。',
      failed: '无法进入对话：',
      colon: '：'
    },
    'en-US': {
      title: 'ChatReport · Points',
      whoAreYou: 'Who are you?',
      displayName: 'Display name',
      displayNameHint: 'e.g. Wang Fang',
      userId: 'User ID',
      userIdHint: 'How the bot knows you: the same ID is the same person on any device.',
      conversation: 'Conversation',
      private: 'Private chat with the bot',
      group: 'Join a group',
      groupHint: 'Group name, e.g. 一支部',
      enter: 'Start chatting',
      note: 'This page does not verify identities; use it on this machine or a trusted network only.',
      switchIdentity: 'Switch identity',
      otherLanguage: '中文',
      privateChat: 'private',
      groupChat: 'group',
      needName: 'Please enter a display name.',
      needUserId: 'Please enter a user ID (no spaces).',
      needGroup: 'Please enter the group name.',
      failed: 'Could not start the conversation: ',
      colon: ': '
    }
  };

  var KEYS = {
    language: 'chatreport.language',
    identity: 'chatreport.identity',
    // Per tab: a reload goes back into the same chat, while another tab can be someone else.
    active: 'chatreport.active'
  };

  var language = readStorage(localStorage, KEYS.language) === 'en-US' ? 'en-US' : 'zh-CN';
  var session = null;

  var form = document.getElementById('identity');
  var chat = document.getElementById('webchat');
  var who = document.getElementById('who');
  var switchButton = document.getElementById('switch-identity');
  var languageButton = document.getElementById('language');
  var errorLine = document.getElementById('error');

  function t(key) {
    return TEXT[language][key];
  }

  function readStorage(storage, key) {
    try {
      return storage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function readIdentity(storage, key) {
    try {
      var value = JSON.parse(readStorage(storage, key) || 'null');
      return value && typeof value.userId === 'string' && typeof value.name === 'string' ? value : null;
    } catch (e) {
      return null;
    }
  }

  function writeStorage(storage, key, value) {
    try {
      storage.setItem(key, value);
    } catch (e) {
      // Private browsing may refuse storage; the page still works, it just forgets.
    }
  }

  function randomUserId() {
    var bytes = new Uint8Array(4);
    crypto.getRandomValues(bytes);
    return 'u-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach(function (element) {
      element.textContent = t(element.getAttribute('data-text'));
    });
    document.querySelectorAll('[data-placeholder]').forEach(function (element) {
      element.placeholder = t(element.getAttribute('data-placeholder'));
    });
    languageButton.textContent = t('otherLanguage');
    languageButton.lang = language === 'zh-CN' ? 'en' : 'zh-CN';
    if (session) {
      who.textContent = session.name + ' (' + session.userId + ') · ' + (session.group ? t('groupChat') + ' ' + session.group : t('privateChat'));
      render();
    }
  }

  function showForm(identity) {
    var remembered = identity || readIdentity(localStorage, KEYS.identity) || {};
    form.elements.name.value = remembered.name || '';
    form.elements.userId.value = remembered.userId || randomUserId();
    form.elements.group.value = remembered.group || '';
    form.elements.mode.value = remembered.group ? 'group' : 'private';
    form.hidden = false;
    chat.hidden = true;
    who.hidden = true;
    switchButton.hidden = true;
  }

  function showError(message) {
    errorLine.textContent = message;
    errorLine.hidden = !message;
  }

  function identityFromForm() {
    var name = form.elements.name.value.trim();
    var userId = form.elements.userId.value.trim();
    var group = form.elements.mode.value === 'group' ? form.elements.group.value.trim() : '';
    if (!name) {
      return { error: t('needName') };
    }
    if (!userId || /\s/.test(userId)) {
      return { error: t('needUserId') };
    }
    if (form.elements.mode.value === 'group' && !group) {
      return { error: t('needGroup') };
    }
    return { name: name, userId: userId, group: group || null };
  }

  function requestToken(identity) {
    return fetch('/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: identity.userId, name: identity.name, group: identity.group, locale: language })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error((body.error && body.error.message) || response.statusText);
        }
        return body;
      });
    });
  }

  // Web Chat shows every activity whose sender has role "user" on the reader's own side. In a
  // group the other members' messages belong on the other side, under their names.
  function createStore(userId) {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var activity = action.payload.activity;
            if (activity.from && activity.from.role === 'user' && activity.from.id !== userId) {
              action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: asOtherMember(activity) }) });
            }
          }
          return next(action);
        };
      };
    });
  }

  function asOtherMember(activity) {
    var name = (activity.from.name || activity.from.id).replace(/[\\`*_{}\[\]()#+\-.!|<>]/g, '\\$&');
    var shown = Object.assign({}, activity, { from: Object.assign({}, activity.from, { role: 'bot' }) });
    if (activity.type === 'message' && typeof activity.text === 'string') {
      // Hard breaks, as the bot's own text gets them, so a member's lines stay lines.
      shown.text = '**' + name + '**' + t('colon') + activity.text.replace(/\r?\n/g, '  \n');
      shown.textFormat = 'markdown';
    }
    return shown;
  }

  // A laptop that slept past the token's lifetime comes back with an expired token: fetch a new
  // one for the same identity (the same conversation) and hand it to Direct Line.
  function watchConnection(identity, directLine) {
    directLine.connectionStatus$.subscribe(function (status) {
      if (status !== 3 || !session || session.directLine !== directLine) {
        return;
      }
      requestToken(identity).then(function (body) {
        return fetch('/v3/directline/conversations/' + encodeURIComponent(body.conversationId), {
          headers: { Authorization: 'Bearer ' + body.token }
        }).then(function (response) { return response.json(); });
      }).then(function (conversation) {
        directLine.reconnect(conversation);
      }).catch(function () {
        // Direct Line reports the failure in Web Chat's connectivity bar.
      });
    });
  }

  function connect(identity) {
    showError('');
    return requestToken(identity).then(function (body) {
      var directLine = window.WebChat.createDirectLine({
        token: body.token,
        domain: window.location.origin + '/v3/directline',
        webSocket: true
      });
      session = {
        userId: body.userId,
        name: body.name,
        group: body.group || null,
        conversationId: body.conversationId,
        directLine: directLine,
        store: createStore(body.userId)
      };
      watchConnection(identity, directLine);
      var remembered = JSON.stringify({ userId: session.userId, name: session.name, group: session.group });
      writeStorage(localStorage, KEYS.identity, remembered);
      writeStorage(sessionStorage, KEYS.active, remembered);
      form.hidden = true;
      chat.hidden = false;
      who.hidden = false;
      switchButton.hidden = false;
      applyLanguage();
    });
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: session.directLine,
        store: session.store,
        userID: session.userId,
        username: session.name,
        locale: language,
        styleOptions: {
          accent: '#b71c1c',
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          bubbleFromUserBackground: '#fdecea',
          bubbleFromUserBorderColor: '#f3c4c0',
          primaryFont: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif",
          rootHeight: '100%'
        }
      },
      chat
    );
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var identity = identityFromForm();
    if (identity.error) {
      showError(identity.error);
      return;
    }
    connect(identity).catch(function (error) {
      showError(t('failed') + error.message);
    });
  });

  form.elements.group.addEventListener('focus', function () {
    form.elements.mode.value = 'group';
  });

  languageButton.addEventListener('click', function () {
    language = language === 'zh-CN' ? 'en-US' : 'zh-CN';
    writeStorage(localStorage, KEYS.language, language);
    applyLanguage();
  });

  switchButton.addEventListener('click', function () {
    // Web Chat has no unmount in the bundle: a clean reload is the simplest way to leave.
    try {
      sessionStorage.removeItem(KEYS.active);
    } catch (e) {
      // Nothing to forget.
    }
    window.location.reload();
  });

  applyLanguage();
  var active = readIdentity(sessionStorage, KEYS.active);
  if (active) {
    connect(active).catch(function (error) {
      showForm(active);
      showError(t('failed') + error.message);
    });
  } else {
    showForm(null);
  }
})();
