//! The context handed to host functions.

use crate::instance::{Extern, Instance};
use crate::store::{AsContext, AsContextMut, Store};

/// What a host function sees of its caller: the store (with the embedder's data) and the
/// instance whose code made the call.
///
/// ```
/// use wasp_core::{Caller, Engine, Func, Store};
/// let mut store = Store::new(&Engine::default(), 0_i32);
/// let bump = Func::wrap(&mut store, |mut caller: Caller<'_, i32>, by: i32| {
///     *caller.data_mut() += by;
/// });
/// bump.typed::<i32, ()>(&store)?.call(&mut store, 5)?;
/// assert_eq!(*store.data(), 5);
/// # Ok::<(), wasp_core::Error>(())
/// ```
pub struct Caller<'a, T> {
    store: &'a mut Store<T>,
    instance: Option<u32>,
}

impl<'a, T> Caller<'a, T> {
    pub(crate) fn new(store: &'a mut Store<T>, instance: Option<u32>) -> Caller<'a, T> {
        Caller { store, instance }
    }

    /// The embedder's data.
    pub fn data(&self) -> &T {
        self.store.data()
    }

    /// The embedder's data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        self.store.data_mut()
    }

    /// The calling instance, when the call came from Wasm code.
    pub fn instance(&self) -> Option<Instance> {
        let id = self.store.inner.id;
        self.instance.map(|i| Instance::from_index(id, i))
    }

    /// The identity of the store the call runs in.
    pub(crate) fn store_id(&self) -> crate::store::StoreId {
        self.store.inner.id
    }

    /// Asks the call to pause once this host function returns, handing `value` to whoever
    /// made the call: a [`Func::call_resumable`](crate::Func::call_resumable) call returns
    /// [`CallOutcome::Yielded`](crate::CallOutcome::Yielded), and resuming it supplies this
    /// host function's results (whatever it returns itself is then ignored). In a call made
    /// with `call`, a yield is an error.
    pub fn yield_with(&mut self, value: impl Into<crate::Val>) {
        self.store.inner.pending_yield = Some(value.into());
    }

    /// Charges `amount` extra gas for work the host function does; fails with the
    /// `all gas consumed` trap (to be returned with `?`) when the store has less. Without gas
    /// metering this does nothing.
    ///
    /// # Errors
    ///
    /// The `all gas consumed` trap ([`TrapCode::OutOfGas`](crate::TrapCode)) when the store has
    /// less than `amount` gas left; the store's gas is then 0.
    pub fn charge_gas(&mut self, amount: u64) -> Result<(), crate::Error> {
        if self.store.engine().config().gas().is_none() {
            return Ok(());
        }
        let gas = &mut self.store.inner.gas;
        if *gas < amount {
            *gas = 0;
            return Err(crate::TrapCode::OutOfGas.into());
        }
        *gas -= amount;
        Ok(())
    }

    /// Charges `amount` gas before the host function has any effect; when the store has
    /// less, returns the `all gas consumed` error (to be returned with `?` at once) and, in
    /// a [`call_resumable`](crate::Func::call_resumable) call, the call pauses with
    /// [`CallOutcome::OutOfGas`](crate::CallOutcome::OutOfGas) instead of trapping: resuming
    /// it makes this host call again from the start. Without gas metering this does nothing.
    ///
    /// # Errors
    ///
    /// The `all gas consumed` trap when the store has less than `amount` gas left (a pause
    /// request in a resumable call).
    pub fn charge_gas_or_pause(&mut self, amount: u64) -> Result<(), crate::Error> {
        if self.store.engine().config().gas().is_none() {
            return Ok(());
        }
        let gas = self.store.inner.gas;
        if gas < amount {
            self.store.inner.pending_gas_pause = Some(amount - gas);
            return Err(crate::TrapCode::OutOfGas.into());
        }
        self.store.inner.gas = gas - amount;
        Ok(())
    }

    /// An export of the calling instance.
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        self.instance()?.get_export(&*self.store, name)
    }
}

impl<T> AsContext for Caller<'_, T> {
    type Data = T;
    fn as_context(&self) -> &Store<T> {
        self.store
    }
}

impl<T> AsContextMut for Caller<'_, T> {
    fn as_context_mut(&mut self) -> &mut Store<T> {
        self.store
    }
}
