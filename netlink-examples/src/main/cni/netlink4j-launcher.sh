# netlink4j-launcher.sh: what netlink4j's two launchers share, jip (the repository's root) and
# netlink4j-bridge (the CNI plugin). Sourced, never run, and POSIX sh so the CNI launcher stays sh. Both
# often run as root, so a launcher sources this file only once it has checked that nobody but root or
# the launcher's own owner can have written it.
#
# A launcher sets nl4j_prog (its name, for messages), nl4j_name (its caches' file prefix), nl4j_jar (a jar,
# or a class path with nl4j_main), nl4j_main (empty: the jar's Main-Class) and nl4j_aot (0: no cache),
# defines nl4j_fail MESSAGE DETAILS (report, exit 1) and nl4j_can_train (whether a training run can succeed
# here), and calls nl4j_launch "$@". Scratch variables start with _ (POSIX sh has no locals).
#
# The JVM lives for one short command, and on JDK >= 25 starts from an AOT cache (JEP 483/514/515) of the
# command's classes, linked lambda forms and profiles, made by a training run in the background on the
# first call. Loading a cache is running code from it, and the JVM checks a cache only against the jar's
# size and mtime, so a cache is used only from a directory that belongs to this user alone: owned by the
# effective uid, not a symlink, writable by nobody else; the same for the file. Anything else and the
# call runs without a cache and trains nothing there. Before the JVM every call pays shell builtins, two
# stat(1)s (the launcher's check of this file, nl4j_inspect) and, with a cache, setpriv(1).

# JVM options for one short command: C1 only and the serial collector start fastest. Nothing of the
# JVM's own may reach stdout, which is the command's (a CNI runtime reads its result there): its
# messages and log go to stderr (the log's default is stdout), on JDK >= 25 those about the AOT cache
# nowhere (a user cannot act on them each call; JDK 22 to 24 would refuse the aot tag).
nl4j_opts='--enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData
 -XX:+DisplayVMOutputToStderr'
nl4j_log='-Xlog:disable -Xlog:all=warning:stderr'
nl4j_log_aot='-Xlog:disable -Xlog:all=warning:stderr -Xlog:aot*=off:stderr -Xlog:cds*=off:stderr'

# _m := the feature version in JDK $1's release file, or empty
nl4j_major() {
  _m=
  [ -r "$1/release" ] || return 0
  while IFS= read -r _l; do
    case $_l in JAVA_VERSION=*) _l=${_l#JAVA_VERSION=\"}; _m=${_l%%[!0-9]*}; return 0 ;; esac
  done < "$1/release"
}

# nl4j_java := $NETLINK4J_JAVA, else JAVA_HOME's java if it is >= 22, else the newest >= 22 under
# /usr/lib/jvm (as the build's toolchains choose); nl4j_feature := its feature version (0 if unknown).
nl4j_find_java() {
  nl4j_java=${NETLINK4J_JAVA:-} nl4j_feature=0
  if [ -n "$nl4j_java" ]; then
    nl4j_major "${nl4j_java%/bin/java}"
    nl4j_feature=${_m:-0}
    return 0
  fi
  if [ -n "${JAVA_HOME:-}" ]; then
    nl4j_major "$JAVA_HOME"
    if [ -n "$_m" ] && [ "$_m" -ge 22 ]; then nl4j_java=$JAVA_HOME/bin/java nl4j_feature=$_m; return 0; fi
  fi
  for _d in /usr/lib/jvm/*/; do
    _d=${_d%/}
    nl4j_major "$_d"
    if [ -n "$_m" ] && [ "$_m" -ge 22 ] && [ "$_m" -gt "$nl4j_feature" ] && [ -x "$_d/bin/java" ]; then
      nl4j_java=$_d/bin/java nl4j_feature=$_m
    fi
  done
  [ -n "$nl4j_java" ]
}

# nl4j_euid := the effective uid, from /proc without a fork; empty if unknown (then no cache).
nl4j_read_euid() {
  nl4j_euid=
  [ -r /proc/self/status ] || return 0
  while read -r _k _real _eff _rest; do
    case $_k in Uid:) nl4j_euid=$_eff; return 0 ;; esac
  done < /proc/self/status
}

# nl4j_dir := where caches live: $NETLINK4J_CACHE_DIR, else $XDG_CACHE_HOME/netlink4j, else
# ~/.cache/netlink4j; without a home, /var/cache/netlink4j for root and no cache for anyone else (a
# shared directory such as /tmp is where another user plants a cache). Only absolute paths.
nl4j_pick_dir() {
  if [ -n "${NETLINK4J_CACHE_DIR:-}" ]; then nl4j_dir=$NETLINK4J_CACHE_DIR
  elif [ -n "${XDG_CACHE_HOME:-}" ]; then nl4j_dir=$XDG_CACHE_HOME/netlink4j
  elif [ -n "${HOME:-}" ]; then nl4j_dir=${HOME%/}/.cache/netlink4j
  elif [ "$nl4j_euid" = 0 ]; then nl4j_dir=/var/cache/netlink4j
  else nl4j_dir=
  fi
  while :; do case $nl4j_dir in /) break ;; */) nl4j_dir=${nl4j_dir%/} ;; *) break ;; esac; done
  case $nl4j_dir in /?*) ;; *) nl4j_dir= ;; esac
}

# _h := _h mixed with the decimal number $1, read nine digits at a time so that nothing overflows
# (inode numbers can exceed what shell arithmetic holds); the leading 1 keeps a chunk from being octal.
nl4j_mix() {
  _x=$1
  while [ -n "$_x" ]; do
    _r=${_x#?????????}
    [ "$_r" = "$_x" ] && _r=
    _c=${_x%"$_r"}
    _h=$(( (_h * 1000003 + 1$_c) % 4294967291 ))
    _x=$_r
  done
}

# Whether the stat line just read (_mode, _uid, _name) is a file of type $1 (S_IFDIR 16384, S_IFREG
# 32768) that is no symlink, belongs to the effective uid and is writable by nobody else.
nl4j_ours() {
  [ $(( 0x$_mode & 0xF000 )) -eq "$1" ] && [ "$_uid" = "$nl4j_euid" ] && [ $(( 0x$_mode & 0x12 )) -eq 0 ] \
    && [ ! -L "$_name" ]
}

# The hot path's one stat: the key (size, mtime and inode of each class path entry and of java, so a
# rebuilt jar or another JDK never meets an earlier cache), whether the cache directory is ours alone,
# and whether the cache for that key is. stat -L so that a key follows a symlinked java; symlinks are
# refused by the builtin test in nl4j_ours. Paths come back last on each line, so spaces in them work.
# nl4j_key := the key, empty if an entry is missing (no cache rather than a stale one);
# nl4j_dir_state := ours | foreign | absent; nl4j_cache := the cache's path if it is ours alone, else empty.
nl4j_inspect() {
  set -f
  _ifs=$IFS IFS=:
  set -- $nl4j_jar
  IFS=$_ifs
  set +f
  _want=$(( $# + 1 )) _n=0 _h=5381 nl4j_key= nl4j_cache= nl4j_dir_state=absent
  _out=$(stat -L -c '%f %u %s %Y %i %n' -- "$@" "$nl4j_java" "$nl4j_dir" "$nl4j_dir/$nl4j_name"-*.aot 2>/dev/null)
  while read -r _mode _uid _size _mtime _ino _name; do
    case $_name in
      "$nl4j_dir")
        if nl4j_ours 16384; then nl4j_dir_state=ours; else nl4j_dir_state=foreign; fi ;;
      "$nl4j_dir/$nl4j_name"-*.aot)
        if [ "$_name" = "$nl4j_dir/$nl4j_name-$nl4j_key.aot" ] && [ "$nl4j_dir_state" = ours ] && nl4j_ours 32768; then
          nl4j_cache=$_name
        fi ;;
      ?*)
        nl4j_mix "$_size"; nl4j_mix "$_mtime"; nl4j_mix "$_ino"
        _n=$(( _n + 1 ))
        if [ "$_n" -eq "$_want" ]; then nl4j_key=$_h; fi ;;
    esac
  done <<EOF
$_out
EOF
  [ -n "$nl4j_key" ] || nl4j_cache=
}

# Runs java with the launcher's options, the extra JVM options "$@", the application and --train.
nl4j_java_train() {
  set -f
  if [ -n "$nl4j_main" ]; then
    $_timeout "$nl4j_java" $nl4j_opts $nl4j_log_aot "-XX:ErrorFile=$nl4j_dir/hs_err_pid%p.log" "$@" -cp "$nl4j_jar" "$nl4j_main" --train
  else
    $_timeout "$nl4j_java" $nl4j_opts $nl4j_log_aot "-XX:ErrorFile=$nl4j_dir/hs_err_pid%p.log" "$@" -jar "$nl4j_jar" --train
  fi
  _rc=$?
  set +f
  return $_rc
}

# Takes the training lock $1: a file made with O_EXCL (set -C) that holds its owner's pid. The lock of
# a training that was killed is taken over once its pid is gone, or after an hour (its pid reused by
# another process); a lock still empty is being written and is left alone for that hour. Two trainings
# at once cost time, never a wrong cache: each writes its own file and moves it into place whole.
nl4j_lock() {
  (set -C; echo "$_me" > "$1") 2>/dev/null && return 0
  _owner=
  read -r _owner < "$1" 2>/dev/null
  if [ -z "$(find "$1" -mmin +60 2>/dev/null)" ]; then
    case $_owner in
      '') return 1 ;;
      *[!0-9]*) ;;
      *) if kill -0 "$_owner" 2>/dev/null; then return 1; fi ;;
    esac
  fi
  rm -f -- "$1"
  (set -C; echo "$_me" > "$1") 2>/dev/null
}

# Removes what killed trainings left behind: <name>-<key>.<pid>.tmp and the .tmp.config and .tmp.log
# beside it (the .tmp of earlier launchers, <cache>.<pid>.tmp, too), each once its pid is gone.
nl4j_sweep() {
  for _f in "$nl4j_dir"/*.tmp "$nl4j_dir"/*.tmp.*; do
    [ -e "$_f" ] || continue
    _p=${_f##*/}
    _p=${_p%%.tmp*}
    _p=${_p##*.}
    case $_p in ''|*[!0-9]*) continue ;; esac
    kill -0 "$_p" 2>/dev/null || rm -f -- "$_f"
  done
}

# Once a new cache is in place (its <key>.src names its JDK and class path), removes the caches of the same
# class path and JDK path made for earlier jars or JDKs, whatever day they were made, and the failure markers
# of other keys. One cache directory may serve two checkouts (or an installed plugin and a build): the
# caches of another class path or JDK stay while every file their .src names exists, so two checkouts used in
# turn keep one cache each instead of removing each other's and training again at every switch; once a
# checkout or a JDK is gone, its caches go at the next training of any of them. A cache without a .src
# (made by an earlier launcher) counts as an earlier one of ours. One checkout run with two JDK paths in
# turn keeps both; run with a JDK upgraded in place, it keeps the newest. A prune of another checkout in
# the instant between this cache's move into place and its .src costs this one a training, nothing more.
nl4j_prune() {
  for _f in "$nl4j_dir/$nl4j_name"-*.aot "$nl4j_dir/$nl4j_name"-*.failed "$nl4j_dir/$nl4j_name"-*.src; do
    _k=${_f%.*}
    [ -e "$_f" ] && [ "$_k" != "$_base" ] || continue
    case $_f in *.failed) rm -f -- "$_f"; continue ;; esac
    if [ -e "$_k.aot" ] && nl4j_elsewhere "$_k.src"; then continue; fi
    rm -f -- "$_k.aot" "$_k.src"
  done
}

# Whether the .src file $1 names a JDK or class path other than this launcher's, and all of it still exists.
nl4j_elsewhere() {
  _sj= _sc=
  { read -r _sj && read -r _sc; } < "$1" 2>/dev/null || return 1
  [ "$_sj" != "$nl4j_java" ] || [ "$_sc" != "$nl4j_jar" ] || return 1
  [ -n "$_sc" ] && [ -e "$_sj" ] || return 1
  set -f
  _ifs=$IFS IFS=:
  set -- $_sc
  IFS=$_ifs
  set +f
  for _e in "$@"; do [ -e "$_e" ] || return 1; done
}

# The training, run in the background (stdio on /dev/null) by a call that found no cache. It trains
# only where it can succeed (nl4j_can_train, checked before) and at most once a day per key after a
# failure (the marker <key>.failed holds what the failed run printed). A new cache is checked before it
# is moved into place: a trial run with it, -XX:AOTMode=on (fail rather than run without it) and
# -XX:+VerifySharedSpaces (checksums of every region: tens of ms, too dear for every call), the training
# once more. A cache that crashes the JVM or fails its checksums is never used by a call. Everything it
# makes is private to the user (umask 077, the directory mode 700), whatever umask the caller had.
nl4j_train() {
  umask 077
  read -r _me _rest < /proc/self/stat || return 0  # this subshell's pid ($$ is the launcher's)
  _base=$nl4j_dir/$nl4j_name-$nl4j_key
  if [ -e "$_base.failed" ] && [ -n "$(find "$_base.failed" -mmin -1440 2>/dev/null)" ]; then return 0; fi
  if [ ! -d "$nl4j_dir" ]; then
    mkdir -p -- "${nl4j_dir%/*}/" && mkdir -m 700 -- "$nl4j_dir" || return 0
  fi
  nl4j_lock "$_base.lock" || return 0
  nl4j_sweep
  _timeout=
  if command -v timeout >/dev/null 2>&1; then _timeout='timeout 600'; fi
  _tmp=$_base.$_me.tmp
  if nl4j_java_train "-XX:AOTCacheOutput=$_tmp" 2> "$_tmp.log" && [ -s "$_tmp" ] \
      && nl4j_java_train "-XX:AOTCache=$_tmp" -XX:AOTMode=on -XX:+VerifySharedSpaces 2>> "$_tmp.log" \
      && chmod 600 "$_tmp" && mv -f "$_tmp" "$_base.aot"; then
    rm -f "$_base.failed"
    printf '%s\n%s\n' "$nl4j_java" "$nl4j_jar" > "$_base.src"
    nl4j_prune
    find "$nl4j_dir" -maxdepth 1 -type f -name 'hs_err_pid*.log' -mtime +6 -delete  # crash reports of last week
  else
    echo "$nl4j_prog: no AOT cache from this training; the next one in a day" >> "$_tmp.log"
    mv -f "$_tmp.log" "$_base.failed"
  fi
  rm -f "$_tmp" "$_tmp.config" "$_tmp.log" "$_base.lock"
}

# Runs the JVM with the cache nl4j_cache and the arguments "$@". Not exec'd: if the JVM dies by a signal
# with a cache (one changed after its trial run: a disk error, a JDK bug), the cache is removed and the
# call runs once more without it, where an exec'd JVM would fail this call and every later one. What a
# caller sees stays an exec'd JVM's: the JVM gets SIGTERM when this shell dies (setpriv's parent-death
# signal, so a runtime's SIGKILL or SIGTERM of the plugin ends it), Ctrl-C reaches it directly (one
# process group; the shell's trap only keeps the shell waiting), stdin and stdout are its own, and its
# exit status is the launcher's. The crash report would go to stdout whatever -XX:+DisplayVMOutputToStderr
# says (the JDK writes it to fd 1, JDK-8215004), so this run suppresses it; a crash is a SIGABRT
# (134) from the JVM's handler, or the signal itself if it came before that handler. The shell cannot tell
# a crash at startup from one after the command printed or changed something: most corrupt caches we
# tried killed the JVM before main, some at exit, after the answer (the CNI VERSION answer, then SIGSEGV),
# and then the command runs twice; the note on stderr says so. Without setpriv the JVM is exec'd with
# the cache, as before.
nl4j_run_cached() {
  command -v setpriv >/dev/null 2>&1 || exec "$nl4j_java" "-XX:AOTCache=$nl4j_cache" "$@"
  trap : INT QUIT
  _rc=0
  setpriv --pdeathsig TERM -- "$nl4j_java" "-XX:AOTCache=$nl4j_cache" -XX:+SuppressFatalErrorMessage "$@" || _rc=$?
  case $_rc in 132|134|135|136|139) ;; *) exit "$_rc" ;; esac
  rm -f -- "$nl4j_cache" "${nl4j_cache%.aot}.src"
  echo "$nl4j_prog: the JVM died (exit $_rc) with the AOT cache $nl4j_cache; removed it, running the command once more without it" >&2
  trap - INT QUIT
  exec "$nl4j_java" "$@"
}

# Runs the application with the user's arguments "$@": never returns.
nl4j_launch() {
  nl4j_find_java || nl4j_fail "no JDK >= 22 found" "set NETLINK4J_JAVA or JAVA_HOME, or install one under /usr/lib/jvm"
  if [ -n "$nl4j_main" ]; then set -- -cp "$nl4j_jar" "$nl4j_main" "$@"; else set -- -jar "$nl4j_jar" "$@"; fi
  set -f
  if [ "$nl4j_feature" -ge 25 ]; then set -- $nl4j_opts $nl4j_log_aot "$@"; else set -- $nl4j_opts $nl4j_log "$@"; fi
  set +f
  if [ "$nl4j_feature" -ge 25 ] && [ "${nl4j_aot:-1}" != 0 ]; then
    nl4j_read_euid
    nl4j_pick_dir
    if [ -n "$nl4j_dir" ] && [ -n "$nl4j_euid" ]; then
      nl4j_inspect
      # a crash report belongs with the caches, not in the caller's working directory
      if [ "$nl4j_dir_state" = ours ]; then set -- "-XX:ErrorFile=$nl4j_dir/hs_err_pid%p.log" "$@"; fi
      if [ -n "$nl4j_cache" ]; then nl4j_run_cached "$@"; fi
      if [ -n "$nl4j_key" ] && [ "$nl4j_dir_state" != foreign ] && nl4j_can_train; then
        nl4j_train < /dev/null > /dev/null 2>&1 &
      fi
    fi
  fi
  exec "$nl4j_java" "$@"
}
