// The ChatReport Web Chat page. The server decides who the browser is: a first visit signs in
// with a join code (or a 绑定 code) and gets a long-lived cookie; after that the page asks
// POST /webchat/token for the member's private chat or their branch's group, and the official Web
// Chat takes over, talking Direct Line 3.0 to this same host. The Direct Line secret stays on the
// server. With WebChat:PickIdentity (a local demo only) the old form picks any user id instead.
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
      colon: '：',
      signInTitle: '登录',
      modeJoin: '第一次来：用书记给的加入码',
      modeLink: '已在别处用过：用绑定码（在原来的账号上发“绑定”获取）',
      code: '加入码 / 绑定码',
      yourName: '您的姓名（和花名册一致）',
      nameHint: '用个人加入码时可以不填。',
      confirmNamesake: '我是另一位同名党员，继续加入',
      signIn: '登录',
      signInNote: '登录后这台设备会记住您，下次打开直接进入。',
      myDevices: '我的设备',
      back: '返回对话',
      signOut: '退出',
      thisDevice: '（这台设备）',
      since: '登录于 ',
      branchGroup: '支部群',
      needCode: '请填写加入码或绑定码。',
      WrongCode: '这个码不对或已失效。请核对，或向书记要一个新的。',
      NeedName: '这个加入码需要填写您的姓名。',
      BadName: '姓名需要1到20个字。',
      Namesake: '支部里已经有一位“{0}”在用别的账号。如果那就是您，请在原来的账号上发“绑定”拿绑定码，选“用绑定码”登录；否则请点下面的按钮。',
      NeedsPersonalCode: '花名册上的“{0}”担任职务，要用发给本人的个人加入码。请向书记或上级索取。',
      TooManyAttempts: '试错次数太多了，请过一段时间再试。',
      TooManyRequests: '尝试太频繁，请一分钟后再试。',
      NotSignedIn: '请重新登录。'
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
      colon: ': ',
      signInTitle: 'Sign in',
      modeJoin: 'First time: the join code from your secretary',
      modeLink: 'Used me elsewhere: a link code (send "link" on that account)',
      code: 'Join code / link code',
      yourName: 'Your name (as on the roster)',
      nameHint: 'Not needed with a personal code.',
      confirmNamesake: 'I am another member with that name: join',
      signIn: 'Sign in',
      signInNote: 'This device will remember you and open the chat directly next time.',
      myDevices: 'My devices',
      back: 'Back to the chat',
      signOut: 'Sign out',
      thisDevice: ' (this device)',
      since: 'signed in ',
      branchGroup: 'branch group',
      needCode: 'Please enter the join code or link code.',
      WrongCode: 'That code is wrong or no longer works. Check it, or ask your secretary for a new one.',
      NeedName: 'This join code needs your name.',
      BadName: 'A name has 1 to 20 characters.',
      Namesake: 'A member called "{0}" already uses another account. If that is you, send "link" there and sign in with the link code; otherwise press the button below.',
      NeedsPersonalCode: '"{0}" on the roster holds an office and needs the personal code issued for them. Ask your secretary.',
      TooManyAttempts: 'Too many wrong codes. Please try again later.',
      TooManyRequests: 'Too many attempts. Please wait a minute.',
      NotSignedIn: 'Please sign in again.'
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
  var account = null;

  var signInForm = document.getElementById('signin');
  var signInError = document.getElementById('signin-error');
  var namesakeButton = document.getElementById('confirm-namesake');
  var devicesPanel = document.getElementById('devices');
  var deviceList = document.getElementById('device-list');
  var devicesButton = document.getElementById('show-devices');
  var chatButton = document.getElementById('switch-chat');
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
      who.textContent = account
        ? session.name + ' · ' + (session.group ? t('branchGroup') : t('privateChat'))
        : session.name + ' (' + session.userId + ') · ' + (session.group ? t('groupChat') + ' ' + session.group : t('privateChat'));
      chatButton.textContent = session.group ? t('privateChat') : t('branchGroup');
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

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (!response.ok) {
          var error = new Error((answer.error && answer.error.message) || response.statusText);
          error.code = answer.error && answer.error.code;
          error.status = response.status;
          throw error;
        }
        return answer;
      });
    });
  }

  // Signed in, the server knows who this is: the page only says which chat.
  function requestToken(identity) {
    return account
      ? postJson('/webchat/token', { branchGroup: !!identity.group, locale: language })
      : postJson('/webchat/token', { userId: identity.userId, name: identity.name, group: identity.group, locale: language });
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
      if (!account) {
        var remembered = JSON.stringify({ userId: session.userId, name: session.name, group: session.group });
        writeStorage(localStorage, KEYS.identity, remembered);
        writeStorage(sessionStorage, KEYS.active, remembered);
      }
      form.hidden = true;
      signInForm.hidden = true;
      devicesPanel.hidden = true;
      chat.hidden = false;
      who.hidden = false;
      switchButton.hidden = !!account;
      chatButton.hidden = !account;
      devicesButton.hidden = !account;
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

  function showSignIn(message) {
    form.hidden = true;
    chat.hidden = true;
    devicesPanel.hidden = true;
    signInForm.hidden = false;
    namesakeButton.hidden = true;
    showSignInError(message || '');
  }

  function showSignInError(message) {
    signInError.textContent = message;
    signInError.hidden = !message;
  }

  function describe(error) {
    var text = TEXT[language][error.code];
    return text ? text.replace('{0}', error.message) : t('failed') + error.message;
  }

  function signIn(confirmNamesake) {
    var code = signInForm.elements.code.value.trim();
    if (!code) {
      showSignInError(t('needCode'));
      return;
    }
    namesakeButton.hidden = true;
    postJson('/webchat/signin', {
      mode: signInForm.elements.mode.value,
      code: code,
      name: signInForm.elements.name.value.trim(),
      confirmNamesake: confirmNamesake
    }).then(function (me) {
      account = me;
      return connect({ group: null });
    }).catch(function (error) {
      showSignInError(describe(error));
      namesakeButton.hidden = error.code !== 'Namesake';
    });
  }

  function formatTime(iso) {
    var date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleString(language);
  }

  function showDevices() {
    fetch('/webchat/devices', { credentials: 'same-origin' }).then(function (response) {
      if (response.status === 401) {
        throw Object.assign(new Error('401'), { code: 'NotSignedIn' });
      }
      return response.json();
    }).then(function (devices) {
      deviceList.textContent = '';
      devices.forEach(function (device) {
        var item = document.createElement('li');
        var label = document.createElement('span');
        label.textContent = t('since') + formatTime(device.signedInAt) + (device.current ? t('thisDevice') : '');
        var agent = document.createElement('small');
        agent.textContent = device.userAgent || '';
        label.appendChild(agent);
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = t('signOut');
        button.setAttribute('data-device', device.id);
        button.addEventListener('click', function () {
          postJson('/webchat/devices/' + encodeURIComponent(device.id) + '/signout', {}).catch(function () { return null; }).then(function () {
            if (device.current) {
              window.location.reload();
            } else {
              showDevices();
            }
          });
        });
        item.appendChild(label);
        item.appendChild(button);
        deviceList.appendChild(item);
      });
      chat.hidden = true;
      devicesPanel.hidden = false;
    }).catch(function () {
      window.location.reload();
    });
  }

  signInForm.addEventListener('submit', function (event) {
    event.preventDefault();
    signIn(false);
  });

  namesakeButton.addEventListener('click', function () {
    signIn(true);
  });

  signInForm.querySelectorAll('input[name="mode"]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      document.getElementById('name-field').hidden = signInForm.elements.mode.value === 'link';
    });
  });

  devicesButton.addEventListener('click', showDevices);

  document.getElementById('close-devices').addEventListener('click', function () {
    devicesPanel.hidden = true;
    chat.hidden = false;
  });

  chatButton.addEventListener('click', function () {
    // Web Chat has no unmount in the bundle: remember the choice for this tab and reload.
    writeStorage(sessionStorage, KEYS.active, JSON.stringify({ branchGroup: !(session && session.group) }));
    window.location.reload();
  });

  function startPicked() {
    var active = readIdentity(sessionStorage, KEYS.active);
    if (active) {
      connect(active).catch(function (error) {
        showForm(active);
        showError(t('failed') + error.message);
      });
    } else {
      showForm(null);
    }
  }

  function startSignedIn() {
    var wanted = null;
    try {
      wanted = JSON.parse(readStorage(sessionStorage, KEYS.active) || 'null');
    } catch (e) {
      wanted = null;
    }
    connect({ group: wanted && wanted.branchGroup ? true : null }).catch(function (error) {
      account = null;
      showSignIn(describe(error));
    });
  }

  applyLanguage();
  fetch('/webchat/me', { credentials: 'same-origin' }).then(function (response) {
    return response.json();
  }).then(function (me) {
    if (me.signedIn) {
      account = me;
      startSignedIn();
    } else if (me.pickIdentity) {
      startPicked();
    } else {
      showSignIn('');
    }
  }).catch(function () {
    showSignIn(t('failed'));
  });
})();
