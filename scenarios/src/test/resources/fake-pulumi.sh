#!/bin/sh
# A fake `pulumi` for PulumiDeployerTest: records each call (argv, working directory, and whether the
# passphrase and backend URL reached it — never their values) and answers as the CLI would.
log="${FAKE_PULUMI_LOG:?}"
{
  printf 'argv:'; for a in "$@"; do printf ' [%s]' "$a"; done; printf '\n'
  printf 'env: passphrase=%s backend=%s\n' "$( [ -n "$PULUMI_CONFIG_PASSPHRASE" ] && echo set || echo unset)" "$PULUMI_BACKEND_URL"
} >> "$log"
case "$1" in
  version) echo "v3.200.0"; exit 0 ;;
  stack)
    case "$2" in
      select) exit 0 ;;
      output) echo '{"meshName":"local","east.objectCount":42}'; exit 0 ;;
      history) echo '[{"kind":"update","startTime":"2026-11-22T03:00:00.000Z","message":"","environment":{},"config":{},"result":"succeeded","endTime":"2026-11-22T03:00:05.000Z","resourceChanges":{"create":3}}]'; exit 0 ;;
      *) exit 0 ;;
    esac ;;
  up|destroy)
    prev=""; for a in "$@"; do
      if [ "$prev" = "--event-log" ]; then
        printf '{"sequence":0,"timestamp":1,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{"create":3},"policyPacks":{}}}\n' > "$a"
      fi; prev="$a"; done
    echo "Resources: + 3 created"; exit 0 ;;
  *) exit 0 ;;
esac
