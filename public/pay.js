// The card form of the pay page (/pledges/{id}/pay) and of a match fund's card page
// (/me/funds/{id}/card), with Stripe.js and its Card Element.
// Card numbers go from the browser to Stripe only; Trame learns the result by asking Stripe
// (the confirm POST below) or from Stripe's webhooks. Works with real Stripe.js and with localstripe's fake (tests, `make run`).
(function () {
  'use strict';
  var loading = null;

  function loadStripe(url) {
    if (window.Stripe) return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = url;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function mount(box) {
    box.setAttribute('data-mounted', 'true');
    var d = box.dataset;
    var message = box.querySelector('.pay-message');
    var button = box.querySelector('.pay-button');
    var retry = box.querySelector('.pay-retry');
    function say(text) { message.textContent = text; }
    loadStripe(d.stripeJs).then(function () {
      var stripe = window.Stripe(d.publishableKey);
      var card = null;
      if (d.mode === 'setup') {
        card = stripe.elements({ locale: d.locale }).create('card');
        card.mount(box.querySelector('.card-element'));
      }
      button.disabled = false;
      box.setAttribute('data-ready', 'true');
      button.addEventListener('click', function (event) {
        event.preventDefault();
        if (button.disabled) return;
        button.disabled = true;
        say(d.msgWorking);
        var confirm = d.mode === 'setup'
          ? stripe.confirmCardSetup(d.clientSecret, { payment_method: { card: card } })
          : stripe.confirmCardPayment(d.clientSecret);
        confirm.then(function (result) {
          if (result.error) {
            say((result.error.message ? result.error.message + ' ' : '') + d.msgFailed);
            box.setAttribute('data-failed', 'true');
            if (retry) retry.hidden = false;
            return;
          }
          // Trame asks Stripe what happened (a POST: the result page only reads), then shows it
          var done = function () { window.location.assign(d.returnUrl); };
          fetch(d.confirmUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: d.confirmField + '=' + encodeURIComponent(d.subject)
          }).then(done, done);
        }, function () {
          say(d.msgFailed);
          if (retry) retry.hidden = false;
        });
      });
    }, function () {
      say(d.msgUnavailable);
    });
  }

  // a deferred script: the page is parsed when this runs (the page itself is never hydrated)
  var box = document.querySelector('[data-pay]:not([data-mounted])');
  if (box) mount(box);
})();
