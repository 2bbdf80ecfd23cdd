package daemon

import (
	"context"
	"errors"
	"time"
)

// Scheduled posts appear by themselves at their date: the daemon rebuilds
// every site a little after the soonest date any Store is waiting for (a
// Store swap, as for a reload, so that the post is on every page at once).
//
// The wait is bounded both ways. A date centuries ahead (9999-12-31) is
// more than a time.Duration holds: the timer is armed for at most
// maxPublishWait and, when it fires early, only re-armed. And a
// publication that fails (a broken post saved meanwhile) leaves the date
// passed and the post unpublished: the next try waits publishRetryFirst,
// doubling up to publishRetryMax, instead of firing again at once. Any
// other reload (the watcher, SIGHUP) tries it too.
const (
	maxPublishWait    = 24 * time.Hour
	publishLate       = 50 * time.Millisecond // after the date, so that the post is past it when read
	publishRetryFirst = time.Second
	publishRetryMax   = 10 * time.Minute
)

// publication is the timer of the next scheduled rebuild.
type publication struct {
	timer   *time.Timer
	wait    time.Duration // what timer was armed for
	overdue int           // rebuilds in a row that left a date passed: the retry's doubling
}

func (p *publication) stop() {
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
}

// arm has f run when the date next has come (zero: never), or
// publishRetryFirst and more after a rebuild that left it passed.
func (p *publication) arm(next time.Time, f func()) {
	p.stop()
	if next.IsZero() {
		p.overdue = 0
		return
	}
	if until := time.Until(next); until > 0 {
		p.overdue = 0
		p.wait = min(until, maxPublishWait) + publishLate
	} else {
		p.overdue++
		p.wait = publishRetryFirst
		for i := 1; i < p.overdue && p.wait < publishRetryMax; i++ {
			p.wait *= 2
		}
		p.wait = min(p.wait, publishRetryMax)
	}
	p.timer = time.AfterFunc(p.wait, f)
}

// nextChange is the soonest date a site's Store waits for, zero if none.
// (The sites are fixed at start; their Stores are read atomically.)
func (d *Daemon) nextChange() time.Time {
	var next time.Time
	for _, s := range d.sites {
		if at := s.capsule.Store().NextChange(); !at.IsZero() && (next.IsZero() || at.Before(next)) {
			next = at
		}
	}
	return next
}

// schedulePublish arms the timer for the soonest scheduled post of every
// site. Called with committing held, or before serving.
func (d *Daemon) schedulePublish() { d.publish.arm(d.nextChange(), d.publishDue) }

// publishDue rebuilds the sites when a scheduled date has come; when the
// timer fired early (its wait cut to maxPublishWait), it only re-arms it.
func (d *Daemon) publishDue() {
	if next := d.nextChange(); next.IsZero() || time.Until(next) > 0 {
		d.committing.Lock()
		if !d.stopped {
			d.schedulePublish()
		}
		d.committing.Unlock()
		return
	}
	err := d.Reload(context.Background(), d.Config())
	if err == nil || errors.Is(err, errStopped) {
		return
	}
	d.committing.Lock()
	retry := d.publish.wait
	d.committing.Unlock()
	d.log.Printf("publishing a scheduled post: %v; still serving the previous posts, trying again in %v", err, retry)
}
