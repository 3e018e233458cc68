/**
 * Public key lines of fictional colleagues, made once by Casebench (main/keys encodeCard) in
 * workspaces since deleted: only public keys, so they are safe to keep in the repository. For
 * tests and screenshots that need a colleague without starting a second host.
 */
export const COLLEAGUE_CARDS = {
  /** Ana Lima, Justiça Global */
  ana: 'casebench-key-1:eyJuIjoiQW5hIExpbWEiLCJvIjoiSnVzdGnDp2EgR2xvYmFsIiwicyI6IlVDelZYazdta2RCakFMU0JnZzZwdm5sSTNYeWhGWHlrL2Z4NTUydjVYRVU9IiwiciI6ImFnZTFqdXY5bjkybDJuMGxhdDJycGxlNmdkaDVqODV4OWtkN3JkcXQ1ZzdwcHhha2N0a3B6NXNxbHhuY3VuIn0.kviB8c-T',
  /** 佐藤 健, アジア人権ネットワーク */
  sato: 'casebench-key-1:eyJuIjoi5L2Q6JekIOWBpSIsIm8iOiLjgqLjgrjjgqLkurrmqKnjg43jg4Pjg4jjg6_jg7zjgq8iLCJzIjoiTVVPazlGQ1NUUjhpS1V5c2Q3T3JkT3pGdm5GeGcyWUlYWWc5NHdmTVFZOD0iLCJyIjoiYWdlMWM2ZXBqZmZldXBxeDBkc2M0MDBrNDlhdDJkd2xnN3MwcXQ4cnFuN2N2bmNweXhsN25lNHM0ODU3dGcifQ.QW4eNWfn',
  /** "Ana Lima", Free Mail Account: a known name with another key. */
  anaOtherKey:
    'casebench-key-1:eyJuIjoiQW5hIExpbWEiLCJvIjoiRnJlZSBNYWlsIEFjY291bnQiLCJzIjoiYWZDUTFwU0p1VzRxUHUxclFXYjlPQkU0bkU3UFdrS25wcitFOUI0Qk94bz0iLCJyIjoiYWdlMWRqM2Zyang1dGpoamFteHZ2OTlkNWFsdjc4ZndqcGU3MDI5a2NnN2cyZGFzY25ueGVkcHM1YXJyOWMifQ.6BF1YEA-',
} as const;
