package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
)

// shutdownTimeout bounds how long requests in flight may take to finish
// after a stop signal.
const shutdownTimeout = 10 * time.Second

// serve runs the daemon until SIGINT, SIGTERM or a server error, and
// returns the exit status. SIGHUP reloads.
//
// No signal is lost and a stop always wins: reloads run beside the signal
// loop, which never blocks, so a SIGTERM is seen at once even during a
// long build; it abandons a reload in progress (Build stops between
// posts), and a second SIGTERM or SIGINT ends the process at once. SIGHUPs
// that come during a reload make one more reload after it, which reads
// every change they announced.
//
// With cfg.Watch, changes to the posts folder and to the configuration
// file (configFile, if any) ask for a reload the same way.
func serve(logger *log.Logger, cfg config.Config, configFile string) int {
	// Signals are caught before anything is served: a SIGHUP that comes
	// early must not end the process, as its default action would.
	signals := make(chan os.Signal, 16)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	type startResult struct {
		d   *daemon.Daemon
		err error
	}
	started := make(chan startResult, 1)
	go func() {
		d, err := daemon.Start(ctx, cfg)
		started <- startResult{d, err}
	}()
	reloads := make(chan struct{}, 1) // a reload asked for and not begun
	var d *daemon.Daemon
	for d == nil {
		select {
		case r := <-started:
			if r.err != nil {
				reportAndExit(logger, r.err, 1)
			}
			d = r.d
		case s := <-signals:
			if s == syscall.SIGHUP {
				askReload(reloads)
				continue
			}
			logger.Printf("%v: stopping before serving", s)
			cancel()
			go exitOnSecondSignal(logger, signals)
			select {
			case r := <-started:
				if r.d != nil {
					shutdown(logger, r.d)
				}
				return 0
			case <-time.After(shutdownTimeout):
				logger.Printf("still starting after %v: exiting", shutdownTimeout)
				return 1
			}
		}
	}
	notify(logger, "READY=1")

	w := newFolderWatch(logger, configFile, reloads, d.OwnWrites)
	defer w.stop()
	w.follow(cfg)
	go func() {
		for range reloads {
			if ctx.Err() != nil {
				return
			}
			reload(ctx, logger, d)
			w.follow(d.Config())
		}
	}()
	exitCode := 0
	for running := true; running; {
		select {
		case s := <-signals:
			if s == syscall.SIGHUP {
				askReload(reloads)
				continue
			}
			d.FlushAccessLog()
			logger.Printf("%v: stopping", s)
			running = false
		case err := <-d.Err():
			d.FlushAccessLog()
			logger.Printf("%v: stopping", err)
			exitCode = 1
			running = false
		}
	}
	cancel() // abandons a reload in progress
	go exitOnSecondSignal(logger, signals)
	shutdown(logger, d)
	return exitCode
}

// askReload asks for a reload, unless one is asked for already: that one
// has not begun, so it will read whatever this signal announced.
func askReload(reloads chan struct{}) {
	select {
	case reloads <- struct{}{}:
	default:
	}
}

// exitOnSecondSignal ends the process at the next SIGINT or SIGTERM: an
// operator who asks twice does not want to wait.
func exitOnSecondSignal(logger *log.Logger, signals <-chan os.Signal) {
	for s := range signals {
		if s != syscall.SIGHUP {
			logger.Printf("%v again: exiting at once", s)
			os.Exit(1)
		}
	}
}

// shutdown stops d, letting requests in flight finish for a while.
func shutdown(logger *log.Logger, d *daemon.Daemon) {
	notify(logger, "STOPPING=1")
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := d.Shutdown(ctx); err != nil {
		logger.Printf("shutdown: %v", err)
	}
}

// reload rereads the configuration and the posts. A failure is logged and
// the capsule keeps serving what it served.
func reload(ctx context.Context, logger *log.Logger, d *daemon.Daemon) {
	notify(logger, "RELOADING=1\nMONOTONIC_USEC="+strconv.FormatInt(monotonicUsec(), 10))
	start := time.Now()
	cfg, _, err := loadConfig(os.Args[1:])
	if err != nil {
		err = &daemon.ConfigError{Err: err}
		d.ReloadFailed(time.Since(start))
	} else {
		cfg.Log = logger
		err = d.Reload(ctx, cfg)
	}
	if ctx.Err() != nil {
		return // stopping: no READY=1 after STOPPING=1
	}
	defer notify(logger, "READY=1")
	if err != nil {
		daemon.LogReloadFailure(logger, err)
	}
}
