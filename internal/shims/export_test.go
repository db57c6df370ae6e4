package shims

import "reflect"

// Reset forgets the registered program types, so that tests can run one
// program after another in one process, as the child never does.
func Reset() {
	registry.Lock()
	defer registry.Unlock()
	registry.byID = map[int]*progType{}
	registry.byName = map[string]*progType{}
	registry.byType = map[reflect.Type]*progType{}
	registry.refs = map[string]*ref{}
	typeRefs = map[reflect.Type]*ref{}
	structFieldsCache.Clear()
}
